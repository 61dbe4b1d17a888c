package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
)

func TestParsePolicy(t *testing.T) {
	tests := []struct {
		in      string
		want    Policy
		wantErr bool
	}{
		{"skip", Skip, false},
		{"update", Update, false},
		{"keep", Keep, false},
		{"Skip", 0, true},
		{"", 0, true},
		{"replace", 0, true},
	}
	for _, tt := range tests {
		got, err := ParsePolicy(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParsePolicy(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && got.String() != tt.in {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), tt.in)
		}
	}
}

func withVenue(r *corpus.Reference, venue string) *corpus.Reference {
	r.Venue = venue
	return r
}

func TestMerge(t *testing.T) {
	paper := func() *corpus.Reference { return ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1000/abc") }
	nodoi := func() *corpus.Reference { return ref("jones2020", "Coffee and attention", 2020, "Jones", "") }
	tests := []struct {
		name     string
		stored   []*corpus.Reference
		incoming []*corpus.Reference
		policy   Policy

		wantAdded, wantUpdated, wantDups, wantUnchanged int
		wantNotes, wantAliased, wantProblems            []string
		// want maps every key in the library afterwards to its venue,
		// wantAliases every alias to the key it names.
		want        map[string]string
		wantAliases map[string]string
	}{
		{
			name:     "skip duplicate by DOI under another key",
			stored:   []*corpus.Reference{withVenue(paper(), "stored")},
			incoming: []*corpus.Reference{withVenue(ref("sm19", "Sleep & memory!", 2019, "Smith", "10.1000/abc"), "new")},
			policy:   Skip,
			wantDups: 1,
			wantAliased: []string{
				"duplicate of smith2019 (same DOI), skipped; sm19 is kept as an alias of smith2019",
			},
			want:        map[string]string{"smith2019": "stored"},
			wantAliases: map[string]string{"sm19": "smith2019"},
		},
		{
			// Merge compares DOIs as given: the importer normalises them.
			name:   "DOI written in other forms matches once normalised",
			stored: []*corpus.Reference{withVenue(paper(), "stored")},
			incoming: []*corpus.Reference{
				ref("a", "Other", 2000, "A", corpus.NormalizeDOI("https://doi.org/10.1000/ABC")),
				ref("b", "Other", 2000, "B", corpus.NormalizeDOI("doi:10.1000/Abc")),
				ref("c", "Other", 2000, "C", corpus.NormalizeDOI("http://dx.doi.org/10.1000%2Fabc")),
			},
			policy:   Skip,
			wantDups: 3,
			wantAliased: []string{
				"duplicate of smith2019 (same DOI), skipped; a is kept as an alias of smith2019",
				"duplicate of smith2019 (same DOI), skipped; b is kept as an alias of smith2019",
				"duplicate of smith2019 (same DOI), skipped; c is kept as an alias of smith2019",
			},
			want:        map[string]string{"smith2019": "stored"},
			wantAliases: map[string]string{"a": "smith2019", "b": "smith2019", "c": "smith2019"},
		},
		{
			name:        "skip duplicate by title, year and first author",
			stored:      []*corpus.Reference{withVenue(nodoi(), "stored")},
			incoming:    []*corpus.Reference{withVenue(ref("jones20", "Coffee and Attention.", 2020, "Jones", ""), "new")},
			policy:      Skip,
			wantDups:    1,
			wantAliased: []string{"duplicate of jones2020 (same title, year and first author), skipped; jones20 is kept as an alias of jones2020"},
			want:        map[string]string{"jones2020": "stored"},
			wantAliases: map[string]string{"jones20": "jones2020"},
		},
		{
			name:        "a DOI that matches nothing still matches a DOI-less work by title",
			stored:      []*corpus.Reference{withVenue(nodoi(), "stored")},
			incoming:    []*corpus.Reference{withVenue(ref("jones20", "Coffee and attention", 2020, "Jones", "10.1/x"), "new")},
			policy:      Skip,
			wantDups:    1,
			wantAliased: []string{"duplicate of jones2020 (same title, year and first author), skipped; jones20 is kept as an alias of jones2020"},
			want:        map[string]string{"jones2020": "stored"},
			wantAliases: map[string]string{"jones20": "jones2020"},
		},
		{
			name:      "same title but different DOIs are different works",
			stored:    []*corpus.Reference{withVenue(ref("jones2020", "Coffee and attention", 2020, "Jones", "10.1/y"), "stored")},
			incoming:  []*corpus.Reference{withVenue(ref("jones20", "Coffee and attention", 2020, "Jones", "10.1/x"), "new")},
			policy:    Skip,
			wantAdded: 1,
			want:      map[string]string{"jones2020": "stored", "jones20": "new"},
		},
		{
			name:        "update replaces under the stored key",
			stored:      []*corpus.Reference{withVenue(paper(), "stored"), withVenue(nodoi(), "stored")},
			incoming:    []*corpus.Reference{withVenue(ref("sm19", "Sleep and memory", 2019, "Smith", "10.1000/abc"), "new"), withVenue(nodoi(), "new")},
			policy:      Update,
			wantUpdated: 2,
			wantAliased: []string{"duplicate of smith2019 (same DOI), updated smith2019; sm19 is kept as an alias of smith2019"},
			want:        map[string]string{"smith2019": "new", "jones2020": "new"},
			wantAliases: map[string]string{"sm19": "smith2019"},
		},
		{
			name:      "keep stores the duplicate beside the original",
			stored:    []*corpus.Reference{withVenue(paper(), "stored")},
			incoming:  []*corpus.Reference{withVenue(paper(), "new"), withVenue(ref("sm19", "Sleep and memory", 2019, "Smith", "10.1000/abc"), "new")},
			policy:    Keep,
			wantAdded: 2,
			wantNotes: []string{"key smith2019 is taken, stored as smith2019-2"},
			want:      map[string]string{"smith2019": "stored", "smith2019-2": "new", "sm19": "new"},
		},
		{
			name:         "key clash is rejected under skip",
			stored:       []*corpus.Reference{withVenue(paper(), "stored")},
			incoming:     []*corpus.Reference{withVenue(ref("smith2019", "Sleep and appetite", 2019, "Smith", "10.1000/other"), "new")},
			policy:       Skip,
			wantProblems: []string{"key smith2019 already names a different work: Sleep and memory"},
			want:         map[string]string{"smith2019": "stored"},
		},
		{
			name:         "key clash is rejected under update",
			stored:       []*corpus.Reference{withVenue(paper(), "stored")},
			incoming:     []*corpus.Reference{withVenue(ref("smith2019", "Sleep and appetite", 2019, "Smith", ""), "new")},
			policy:       Update,
			wantProblems: []string{"key smith2019 already names a different work: Sleep and memory"},
			want:         map[string]string{"smith2019": "stored"},
		},
		{
			name:   "key clash renames under keep",
			stored: []*corpus.Reference{withVenue(paper(), "stored"), withVenue(ref("smith2019-2", "Dreams", 2019, "Smith", ""), "stored")},
			incoming: []*corpus.Reference{
				withVenue(ref("smith2019", "Sleep and appetite", 2019, "Smith", ""), "new"),
				withVenue(ref("smith2019", "Sleep and mood", 2019, "Smith", ""), "newer"),
			},
			policy:    Keep,
			wantAdded: 2,
			wantNotes: []string{"key smith2019 is taken, stored as smith2019-3", "key smith2019 is taken, stored as smith2019-4"},
			want:      map[string]string{"smith2019": "stored", "smith2019-2": "stored", "smith2019-3": "new", "smith2019-4": "newer"},
		},
		{
			name:      "same-batch duplicate is skipped",
			incoming:  []*corpus.Reference{withVenue(paper(), "first"), withVenue(ref("sm19", "Sleep and memory", 2019, "Smith", "10.1000/abc"), "second")},
			policy:    Skip,
			wantAdded: 1, wantDups: 1,
			wantAliased: []string{"duplicate of smith2019 (same DOI), skipped; sm19 is kept as an alias of smith2019"},
			want:        map[string]string{"smith2019": "first"},
			wantAliases: map[string]string{"sm19": "smith2019"},
		},
		{
			name:      "same-batch duplicate updates the earlier one",
			incoming:  []*corpus.Reference{withVenue(nodoi(), "first"), withVenue(nodoi(), "second")},
			policy:    Update,
			wantAdded: 1, wantUpdated: 1,
			want: map[string]string{"jones2020": "second"},
		},
		{
			name:      "same-batch duplicate is kept",
			incoming:  []*corpus.Reference{withVenue(nodoi(), "first"), withVenue(nodoi(), "second")},
			policy:    Keep,
			wantAdded: 2,
			wantNotes: []string{"key jones2020 is taken, stored as jones2020-2"},
			want:      map[string]string{"jones2020": "first", "jones2020-2": "second"},
		},
		{
			name:         "same-batch key clash",
			incoming:     []*corpus.Reference{withVenue(paper(), "first"), withVenue(ref("smith2019", "Sleep and mood", 2020, "Smith", ""), "second")},
			policy:       Update,
			wantAdded:    1,
			wantProblems: []string{"key smith2019 already names a different work: Sleep and memory"},
			want:         map[string]string{"smith2019": "first"},
		},
		{
			name:         "entry without a key is rejected",
			incoming:     []*corpus.Reference{ref("", "Untitled", 2020, "X", ""), nil, withVenue(nodoi(), "new")},
			policy:       Skip,
			wantAdded:    1,
			wantProblems: []string{"reference has no key"},
			want:         map[string]string{"jones2020": "new"},
		},
		{
			name:      "untitled references without DOI never match",
			incoming:  []*corpus.Reference{ref("x1", "", 2020, "X", ""), ref("x2", "", 2020, "X", "")},
			policy:    Skip,
			wantAdded: 2,
			want:      map[string]string{"x1": "", "x2": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			if len(tt.stored) > 0 {
				put(t, s, tt.stored...)
			}
			storedAdded := map[string]time.Time{}
			for _, r := range tt.stored {
				storedAdded[r.Key] = r.Added
			}
			before := make([]corpus.Reference, 0, len(tt.incoming))
			for _, r := range tt.incoming {
				if r != nil {
					before = append(before, *r)
				}
			}

			start := time.Now()
			var out Outcome
			ch, err := s.Update(func(tx *Tx) error {
				var err error
				out, err = tx.Merge(tt.incoming, tt.policy)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if out.Added != tt.wantAdded || out.Updated != tt.wantUpdated || out.Duplicates != tt.wantDups || out.Unchanged != tt.wantUnchanged {
				t.Errorf("added, updated, duplicates, unchanged = %d, %d, %d, %d; want %d, %d, %d, %d",
					out.Added, out.Updated, out.Duplicates, out.Unchanged, tt.wantAdded, tt.wantUpdated, tt.wantDups, tt.wantUnchanged)
			}
			if got := msgs(out.Notes); !slices.Equal(got, tt.wantNotes) {
				t.Errorf("notes = %q, want %q", got, tt.wantNotes)
			}
			if got := msgs(out.Aliased); !slices.Equal(got, tt.wantAliased) {
				t.Errorf("aliased = %q, want %q", got, tt.wantAliased)
			}
			if got := msgs(out.Problems); !slices.Equal(got, tt.wantProblems) {
				t.Errorf("problems = %q, want %q", got, tt.wantProblems)
			}
			for _, p := range slices.Concat(out.Problems, out.Notes, out.Aliased) {
				if p.File != "refs.bib" || p.Line != 1 {
					t.Errorf("problem %+v does not point at its source", p)
				}
			}

			got, gotAliases := map[string]string{}, map[string]string{}
			err = s.Each(func(r *corpus.Reference) error {
				got[r.Key] = r.Venue
				for _, a := range r.Aliases {
					gotAliases[a] = r.Key
				}
				// Updates keep the stored time; new references get the time of the merge.
				if added, ok := storedAdded[r.Key]; ok {
					if !r.Added.Equal(added) {
						t.Errorf("%s: Added = %v, want the stored %v", r.Key, r.Added, added)
					}
				} else if r.Added.Before(start.Add(-time.Second)) || r.Added.After(time.Now()) || r.Added.Location() != time.UTC {
					t.Errorf("%s: Added = %v, want the time of the merge in UTC", r.Key, r.Added)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("library = %v, want %v", got, tt.want)
			}
			if fmt.Sprint(gotAliases) != fmt.Sprint(tt.wantAliases) {
				t.Errorf("aliases = %v, want %v", gotAliases, tt.wantAliases)
			}
			for alias, key := range tt.wantAliases {
				if r, err := s.Find(alias); err != nil || r.Key != key {
					t.Errorf("Find(%s) = %v, %v; want the reference %s", alias, r, err, key)
				}
			}
			changed := len(ch.Put) > 0
			if wantChange := tt.wantAdded+tt.wantUpdated+len(tt.wantAliased) > 0; changed != wantChange {
				t.Errorf("Changes.Put = %q, want changes %v", ch.Put, wantChange)
			}
			checkIndexes(t, s)

			after := make([]corpus.Reference, 0, len(tt.incoming))
			for _, r := range tt.incoming {
				if r != nil {
					after = append(after, *r)
				}
			}
			if fmt.Sprint(after) != fmt.Sprint(before) {
				t.Error("Merge modified the caller's references")
			}
		})
	}
}

// TestMerge_UpdateKeepsAddedTime checks the one field an update must not take
// from the incoming reference.
func TestMerge_UpdateKeepsAddedTime(t *testing.T) {
	s := newStore(t)
	first := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	old := ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1000/abc")
	old.Added = first
	put(t, s, old)
	incoming := withVenue(ref("other", "Sleep and memory", 2019, "Smith", "10.1000/abc"), "new")
	incoming.Added = time.Now()
	if _, err := s.Update(func(tx *Tx) error {
		_, err := tx.Merge([]*corpus.Reference{incoming}, Update)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get("smith2019")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Added.Equal(first) || got.Venue != "new" || got.Key != "smith2019" {
		t.Errorf("updated reference: key %s, venue %q, added %v; want smith2019, new, %v", got.Key, got.Venue, got.Added, first)
	}
	if _, err := s.Get("other"); err == nil {
		t.Error("update also stored the incoming key")
	}
}

func TestMerge_ReimportWithUpdateChangesNothing(t *testing.T) {
	s := newStore(t)
	refs := synthRefs(200, 0)
	merge := func() (Outcome, Changes) {
		var out Outcome
		ch, err := s.Update(func(tx *Tx) error {
			var err error
			out, err = tx.Merge(refs, Update)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out, ch
	}
	if out, ch := merge(); out.Added != 200 || ch.Generation != 1 || len(ch.Put) != 200 || !slices.IsSorted(ch.Put) {
		t.Fatalf("first import: %+v, generation %d, %d put (sorted: %v); want 200 added in generation 1, in key order",
			out, ch.Generation, len(ch.Put), slices.IsSorted(ch.Put))
	}
	out, ch := merge()
	if out.Unchanged != 200 || out.Updated != 0 || out.Added != 0 {
		t.Errorf("re-import: %+v, want 200 unchanged", out)
	}
	if ch.Generation != 1 || len(ch.Put) != 0 {
		t.Errorf("re-import of identical references: generation %d, put %d; want 1 and none", ch.Generation, len(ch.Put))
	}
}

func msgs(ps []corpus.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Msg)
	}
	return out
}

var (
	synthFamilies = []string{"Smith", "García", "Müller", "Nguyen", "Okafor", "Kowalski", "Tanaka", "Silva", "van der Berg", "O'Brien", "Johansson", "Haddad"}
	synthGiven    = []string{"Anna", "José", "Wei", "Fatima", "Lars", "Priya", "Tomasz", "Amara", "Jean-Luc", "Ines"}
	synthWords    = []string{"sleep", "memory", "coffee", "attention", "exercise", "mortality", "cohort", "randomised", "trial", "adolescents", "diet", "inflammation", "screen", "time", "depression", "vaccination", "air", "pollution", "income", "outcomes"}
	synthJournals = []string{"The Lancet", "Nature Human Behaviour", "BMJ Open", "Journal of Sleep Research", "PLOS ONE", "Psychological Science"}
)

// synthRefs makes n reproducible references shaped like imported journal
// articles: three authors, a year, ten fields, the BibTeX source, and a DOI
// for every other one. Keys and titles are unique and come in no order.
func synthRefs(n, offset int) []*corpus.Reference {
	refs := make([]*corpus.Reference, 0, n)
	for i := offset; i < offset+n; i++ {
		rng := rand.New(rand.NewPCG(uint64(i), 42))
		pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
		var authors []corpus.Name
		var names []string
		for range 3 {
			nm := corpus.Name{First: pick(synthGiven), Last: pick(synthFamilies)}
			if strings.HasPrefix(nm.Last, "van ") {
				nm.Von, nm.Last = "van der", "Berg"
			}
			authors = append(authors, nm)
			names = append(names, nm.Family()+", "+nm.First)
		}
		words := []string{pick(synthWords), "and", pick(synthWords), "in", fmt.Sprint(100 + i), pick(synthWords)}
		title := strings.ToUpper(words[0][:1]) + words[0][1:] + " " + strings.Join(words[1:], " ")
		year := 1990 + rng.IntN(35)
		journal := pick(synthJournals)
		key := fmt.Sprintf("%s%d%s%d", strings.ToLower(strings.ReplaceAll(authors[0].Last, "'", "")), year, words[0], i)
		fields := [][2]string{
			{"author", strings.Join(names, " and ")},
			{"title", title},
			{"journal", journal},
			{"year", fmt.Sprint(year)},
			{"volume", fmt.Sprint(1 + rng.IntN(400))},
			{"number", fmt.Sprint(1 + rng.IntN(12))},
			{"pages", fmt.Sprintf("%d--%d", 100+i%900, 110+i%900)},
			{"month", "jan"},
			{"issn", fmt.Sprintf("%04d-%04d", rng.IntN(10000), rng.IntN(10000))},
		}
		doi := ""
		if i%2 == 0 {
			doi = fmt.Sprintf("10.%d/j.%s.%d.%06d", 1000+rng.IntN(9000), words[0], year, i)
			fields = append(fields, [2]string{"doi", doi})
		} else {
			fields = append(fields, [2]string{"url", fmt.Sprintf("https://example.org/articles/%d", i)})
		}
		r := &corpus.Reference{
			Key:     key,
			Type:    "article",
			Authors: authors,
			Title:   title,
			Year:    year,
			Month:   1,
			Venue:   journal,
			IDs:     corpus.Identifiers{DOI: doi},
			Source:  corpus.Source{File: "synthetic.bib", Line: 1 + 12*(i-offset)},
		}
		var raw strings.Builder
		fmt.Fprintf(&raw, "@article{%s,\n", key)
		for _, f := range fields {
			v := f[1]
			if f[0] != "year" && f[0] != "month" {
				v = "{" + v + "}"
			}
			r.Fields = append(r.Fields, corpus.Field{Name: f[0], Raw: v, Value: f[1]})
			fmt.Fprintf(&raw, "  %s = %s,\n", f[0], v)
		}
		raw.WriteString("}\n")
		r.Raw = raw.String()
		refs = append(refs, r)
	}
	return refs
}

func BenchmarkMerge100k(b *testing.B) {
	const n = 100_000
	refs := synthRefs(n, 0)
	dir := b.TempDir()
	round := 0
	for b.Loop() {
		b.StopTimer()
		round++
		s, err := Open(filepath.Join(dir, fmt.Sprintf("library-%d.db", round)), false)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var out Outcome
		if _, err := s.Update(func(tx *Tx) error {
			out, err = tx.Merge(refs, Skip)
			return err
		}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if out.Added != n {
			b.Fatalf("added %d of %d: %+v", out.Added, n, out.Problems)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "refs/s")
}
