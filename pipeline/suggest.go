package pipeline

import (
	"context"
	"errors"
	"sort"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/index"
	"github.com/evident-tools/evident/store"
)

// Suggestion is a library work with a passage that states a claim.
type Suggestion struct {
	Key      string          `json:"key"`
	Authors  string          `json:"authors,omitempty"` // "Smith et al."
	Year     int             `json:"year,omitempty"`
	Title    string          `json:"title,omitempty"`
	Evidence corpus.Evidence `json:"evidence"`
}

// Suggestions for one claim, and how many works with text were weighed.
type Suggestions struct {
	Suggestions []Suggestion `json:"suggestions"`
	// Weighed is the number of works whose passages were read for the
	// claim; none means the library's passages share no word with it.
	Weighed int `json:"weighed"`
}

// suggestCandidates is how many passages the index returns for a claim,
// and suggestWorks how many of their works are judged: the evidence stage
// reads each work whole, so the index narrows the library first.
const (
	suggestCandidates = 60
	suggestWorks      = 15
)

// DefaultSuggestScore is the least coverage a passage needs for its work
// to be suggested: that of a supports verdict. No suggestion beats a bad
// one.
var DefaultSuggestScore = evidence.DefaultThresholds.Supports

// Suggest proposes works of the library whose passage supports claim: the
// index finds the passages that share its words (BM25 over every
// passage), their works are judged as the evidence stage judges a
// citation, and only those whose verdict is supports with a score of at
// least minScore are kept, best first, at most limit. get reads a
// reference from the library, and texts its stored text (nil reads the
// reference's abstract and files).
func Suggest(ctx context.Context, ix *index.Index, get func(key string) (*corpus.Reference, error), texts TextSource, claim string, limit int, minScore float64) (Suggestions, error) {
	out := Suggestions{Suggestions: []Suggestion{}}
	hits, err := ix.SearchPassages(ctx, claim, suggestCandidates)
	if err != nil {
		return out, err
	}
	var refs []*corpus.Reference
	seen := map[string]bool{}
	for _, h := range hits {
		if seen[h.Key] || len(refs) >= suggestWorks {
			continue
		}
		seen[h.Key] = true
		r, err := get(h.Key)
		if errors.Is(err, store.ErrNotFound) {
			continue // the index is a little behind the store
		}
		if err != nil {
			return out, err
		}
		refs = append(refs, r)
	}
	out.Weighed = len(refs)
	read := Options{Texts: texts}.textLookup(OpenSourceFile)
	all := make([]evidence.Text, len(refs))
	for i, r := range refs {
		all[i], _ = read(r)
	}
	j := evidence.New(all)
	for _, r := range refs {
		ev, ok := j.Evidence(claim, r.Key)
		if !ok || ev.Verdict != corpus.VerdictSupports || ev.Score < minScore {
			continue
		}
		out.Suggestions = append(out.Suggestions, Suggestion{Key: r.Key, Authors: r.AuthorLabel(), Year: r.Year, Title: r.Title, Evidence: ev})
	}
	sort.SliceStable(out.Suggestions, func(a, b int) bool { return out.Suggestions[a].Evidence.Score > out.Suggestions[b].Evidence.Score })
	if limit > 0 && len(out.Suggestions) > limit {
		out.Suggestions = out.Suggestions[:limit]
	}
	return out, nil
}
