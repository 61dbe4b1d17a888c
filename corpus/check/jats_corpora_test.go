package check_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
)

var (
	reJATSRef   = regexp.MustCompile(`<ref[ >]`)
	reJATSBibr  = regexp.MustCompile(`<xref[^>]*ref-type="bibr"`)
	reJATSTitle = regexp.MustCompile(`(?s)<title-group>\s*<article-title>(.*?)</article-title>`)
	reJATSAff   = regexp.MustCompile(`(?s)<aff[ >].*?</aff>`)
	reJATSTag   = regexp.MustCompile(`<[^>]*>`)
	reJATSNotes = regexp.MustCompile(`(?s)<author-notes>.*?</author-notes>`)
	reJATSNote  = regexp.MustCompile(`(?s)<(corresp|p)[ >].*?</(corresp|p)>`)
)

// TestCorpora_JATSArticles reads the PLOS articles of the corpora as JATS:
// the whole reference list, every citation tied to an entry of it, the
// title, and no affiliation read as article text.
func TestCorpora_JATSArticles(t *testing.T) {
	dir := filepath.Join(articlesDir(t), "plos-jats")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Skipf("no JATS articles in %s", dir)
	}
	for _, path := range files {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".xml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			src := string(data)
			doc, err := article.Read(filepath.Base(path), data, "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != corpus.JATS {
				t.Fatalf("format %q, want jats", doc.Format)
			}
			if want := len(reJATSRef.FindAllString(src, -1)); len(doc.RefList) != want {
				t.Errorf("%d list entries, want the %d <ref> elements", len(doc.RefList), want)
			}
			for i, e := range doc.RefList {
				if e.Label != itoa(i+1) || len(e.Text) < 20 {
					t.Errorf("entry %d: label %q text %q", i+1, e.Label, e.Text)
				}
			}
			m := reJATSTitle.FindStringSubmatch(src)
			if m == nil {
				t.Fatal("no article title in the file")
			}
			if want := strings.Join(strings.Fields(reJATSTag.ReplaceAllString(m[1], "")), " "); doc.Title != want {
				t.Errorf("title %q, want %q", doc.Title, want)
			}
			var text strings.Builder
			for _, s := range article.Sentences(doc) {
				text.WriteString(s.Text + "\n")
			}
			// Affiliations (without their labels) and author notes: front
			// matter, never article text.
			var front []string
			for _, aff := range reJATSAff.FindAllString(src, -1) {
				parts := strings.SplitN(aff, "</label>", 2)
				front = append(front, parts[len(parts)-1])
			}
			for _, notes := range reJATSNotes.FindAllString(src, -1) {
				front = append(front, reJATSNote.FindAllString(notes, -1)...)
			}
			for _, f := range front {
				// Its first six words: a note of several sentences is split.
				words := strings.Fields(reJATSTag.ReplaceAllString(f, " "))
				f = strings.Join(words[:min(len(words), 6)], " ")
				if len(words) >= 4 && strings.Contains(text.String(), f) {
					t.Errorf("front matter %q read as article text", f)
				}
			}
			rep := check.CheckDocument(doc, nil, check.Options{})
			dangling := 0
			for _, f := range rep.Findings {
				if f.Code == "dangling-citation" {
					dangling++
					t.Errorf("dangling: %s", f.Message)
				}
			}
			s := rep.Summary
			if s.Citations == 0 || s.Dangling != 0 || dangling != 0 {
				t.Errorf("summary %+v: want citations, none dangling", s)
			}
			t.Logf("refs %d, list entries %d, xref bibr %d, citations %d, dangling %d, uncited %d, sentences %d",
				len(reJATSRef.FindAllString(src, -1)), s.ListEntries, len(reJATSBibr.FindAllString(src, -1)), s.Citations, s.Dangling, s.Uncited, s.Sentences)
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
