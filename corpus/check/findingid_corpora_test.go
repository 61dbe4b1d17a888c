package check_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// TestCorpora_FindingIDsSurviveAnInsertedParagraph checks every real
// article of the shared corpora (papers in LaTeX and JATS, a Manubot
// manuscript in Markdown and HTML) and again with a paragraph inserted
// half-way through: every finding found in both must keep its id, and no
// two findings of one report may share one.
func TestCorpora_FindingIDsSurviveAnInsertedParagraph(t *testing.T) {
	formats := map[string]corpus.Format{".md": corpus.Markdown, ".tex": corpus.LaTeX, ".xml": corpus.JATS, ".html": corpus.HTML}
	var paths []string
	if err := filepath.WalkDir(articlesDir(t), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && formats[filepath.Ext(p)] != "" && !strings.HasPrefix(d.Name(), "LICENSE") {
			paths = append(paths, p)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, filepath.Join("..", "..", "examples", "back-pain.md"))
	var articles, findings, compared, kept, ordinals int
	ordinalCodes := map[string]int{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		format := formats[filepath.Ext(p)]
		edited, ok := insertParagraph(string(data), format)
		if !ok {
			t.Logf("%s: no paragraph break half-way through; left out", p)
			continue
		}
		before, err := check.Check(p, data, format, nil, check.Options{})
		if err != nil {
			t.Logf("%s: %v; left out", p, err)
			continue
		}
		after, err := check.Check(p, []byte(edited), format, nil, check.Options{})
		if err != nil {
			t.Fatalf("%s edited: %v", p, err)
		}
		articles++
		findings += len(before.Findings)
		seen := map[string]bool{}
		for _, f := range before.Findings {
			if seen[f.ID] {
				t.Errorf("%s: id %s for two findings", p, f.ID)
			}
			seen[f.ID] = true
			if regexp.MustCompile(`-\d+$`).MatchString(f.ID) {
				ordinals++
				ordinalCodes[f.Code]++
			}
		}
		want, wantDup := findingKeys(before)
		got, gotDup := findingKeys(after)
		for k, id := range want {
			if wantDup[k] || gotDup[k] {
				continue
			}
			if gid, ok := got[k]; ok {
				compared++
				if gid == id {
					kept++
				} else {
					t.Errorf("%s: %s changed id %s → %s", p, k, id, gid)
				}
			}
		}
	}
	t.Logf("%d articles, %d findings (%d with an ordinal: a sentence, entry or marker repeated, %v); %d found again after the insertion, %d of them with the same id",
		articles, findings, ordinals, ordinalCodes, compared, kept)
	if compared < 100 {
		t.Errorf("only %d findings compared; the corpora should give hundreds", compared)
	}
}

// insertParagraph puts a new paragraph with a claim at the first
// paragraph break past the middle of an article's source, else at its
// first.
func insertParagraph(src string, f corpus.Format) (string, bool) {
	brk, para := "\n\n", "\n\nInserted later: 45 percent of readers skim long articles.\n\n"
	if f == corpus.JATS || f == corpus.HTML {
		brk, para = "</p>", "</p>\n<p>Inserted later: 45 percent of readers skim long articles.</p>"
	}
	i := strings.Index(src[len(src)/2:], brk)
	if i >= 0 {
		i += len(src) / 2
	} else if i = strings.Index(src, brk); i < 0 {
		return "", false
	}
	return src[:i] + para + src[i+len(brk):], true
}

// findingKeys maps what each finding is about (code, sentence, marker; or
// code and list entry or message, numbers left out) to its id, and says
// which keys more than one finding has.
func findingKeys(rep *corpus.Report) (map[string]string, map[string]bool) {
	text := map[string]string{}
	for _, c := range rep.Claims {
		text[c.ID] = c.Text
	}
	digits := regexp.MustCompile(`\d+`)
	keys, dup := map[string]string{}, map[string]bool{}
	for _, f := range rep.Findings {
		k := f.Code + "|" + text[f.Claim] + "|" + f.Marker
		if f.Claim == "" {
			k = f.Code + "|" + digits.ReplaceAllString(f.Message, "#")
		}
		if _, ok := keys[k]; ok {
			dup[k] = true
		}
		keys[k] = f.ID
	}
	return keys, dup
}
