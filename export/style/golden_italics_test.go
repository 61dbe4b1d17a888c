package style

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// goldenMarkdown reads a Markdown golden file (pandoc's markdown writer,
// one ::: {#ref-KEY .csl-entry} div per entry) into entry text by key.
func goldenMarkdown(t *testing.T, id string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "golden", id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range mdEntry.FindAllStringSubmatch(string(data), -1) {
		out[m[1]] = m[2]
	}
	return out
}

var (
	mdEntry  = regexp.MustCompile(`(?s)::: \{#ref-(\S+) \.csl-entry\}\n(.*?)\n:::`)
	mdItalic = regexp.MustCompile(`(^|[^\\*])\*([^*]+?[^\\*]|[^*\\])\*`)
	mdSpan   = regexp.MustCompile(`\[([^\]]*)\]\{\.[a-z-]+\}`)
	mdLink   = regexp.MustCompile(`\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)`)
	mdClean  = strings.NewReplacer("--", "–", `\`, "", "“", `"`, "”", `"`, "‘", "'", "’", "'")
)

// italics lists the italic runs of a Markdown entry, with pandoc's and
// evident's different escaping and quote marks evened out.
func italics(md string) []string {
	md = mdLink.ReplaceAllString(mdSpan.ReplaceAllString(md, "$1"), "$1")
	var out []string
	for _, m := range mdItalic.FindAllStringSubmatch(md, -1) {
		out = append(out, strings.TrimSpace(mdClean.Replace(m[2])))
	}
	return out
}

// knownItalicDifferences names styles whose italics are known to differ
// from pandoc's beyond the entries of knownDifferences, with the reason:
// their mismatches are logged instead of failing the test, and the test
// fails once they are gone, so that the entry is removed.
var knownItalicDifferences = map[string]string{}

// TestGoldenItalics checks that each style sets the same text in italics
// as pandoc does (journal and book titles, volume numbers, et al.),
// pairing entries by key. Entries listed in knownDifferences are skipped.
func TestGoldenItalics(t *testing.T) {
	items := richItems(t)
	for _, id := range goldenStyles {
		t.Run(id, func(t *testing.T) {
			s, err := Lookup(id)
			if err != nil {
				t.Skipf("style %s is not implemented yet: %v", id, err)
			}
			want := goldenMarkdown(t, id)
			if len(want) != len(items) {
				t.Fatalf("golden/%s.md has %d entries, rich.bib %d", id, len(want), len(items))
			}
			matched, mismatched := 0, 0
			reason, styleListed := knownItalicDifferences[id]
			report := t.Errorf
			if styleListed {
				report = t.Logf
			}
			for _, e := range format(t, s, items) {
				if _, listed := knownDifferences[id][e.Key]; listed {
					continue
				}
				got, w := italics(s.Markdown(e)), italics(want[e.Key])
				if slices.Equal(got, w) {
					matched++
					continue
				}
				mismatched++
				report("%s: italic runs\n got %q\nwant %q", e.Key, got, w)
			}
			if styleListed && mismatched == 0 {
				t.Errorf("%s: italics match pandoc now; remove it from knownItalicDifferences (%s)", id, reason)
			}
			t.Logf("%s: italics match pandoc in %d of %d entries", id, matched, len(items))
		})
	}
}
