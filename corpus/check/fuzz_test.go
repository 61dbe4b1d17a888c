package check_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/textfile"
	"github.com/evident-tools/evident/export"
)

var fuzzFormats = []corpus.Format{corpus.Markdown, corpus.HTML, corpus.LaTeX, corpus.Text}

// corpora is the shared public corpora beside the checkout; fuzz targets
// seed from it when it is there.
var corpora = filepath.Join("..", "..", "..", "shared", "corpora")

// FuzzCheck checks an article in any of the four formats against a small
// library, with every rule on (retractions, stale evidence), and checks the
// report's promises: its counts add up, every finding is at a line of the
// input and about a sentence it has, and evident:ignore comments only ever
// remove findings, each one counted.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"# Sugar\n\nSugar raises the risk of caries by 40% (1).\n\n<!-- evident:ignore -->\nIt doubles obesity [2].\n\n## References\n\n1. WHO. Guideline: Sugars Intake. 2015.\n2. Nobody. Fake. 1999.\n",
		"Deep learning beats experts (LeCun et al., 2015). Most findings are false (Ioannidis, 2005).\n\nReferences\n\nLeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015. doi:10.1038/nature14539\n",
		"<p>Claims 90% [@lecun2015deep].</p><!-- evident:ignore stale --><p>Old (2)</p><script>var x = 'Vitamin D cures 80%';</script>",
		"\\section{A}\nIt works 3x better~\\cite{ioannidis2005why,nokey}.\n% evident:ignore dangling-citation\nSee \\cite{missing}.\n",
		"evident:ignore\nA claim that 10% fail.\n\nREFERENCES\n\n[1] Ioannidis JPA. Why most. PLoS Med. 2005.\n",
	} {
		for i := range fuzzFormats {
			f.Add([]byte(s), uint8(i))
		}
	}
	for _, name := range []string{"back-pain.md"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "examples", name)); err == nil {
			f.Add(data, uint8(0))
		}
	}
	// Small real articles, when the shared corpora are beside the checkout.
	for i, rel := range []string{
		"articles/manubot-rootstock/02.delete-me.md", "articles/deep-review/content/01.abstract.md",
		"articles/jabref-latex/paper.tex", "articles/jabref-latex/ieee-paper-reference-text.tex",
		"csl/citeproc-extra-tests/issue_101.txt",
	} {
		if data, err := os.ReadFile(filepath.Join(corpora, rel)); err == nil && len(data) < 12000 {
			f.Add(data, uint8([]int{0, 0, 2, 2, 1}[i]))
		}
	}
	lib := refs(f, library)
	retracted, err := check.LoadRetractions(strings.NewReader("DOI\n10.1371/journal.pmed.0020124\n"), "r.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		format := fuzzFormats[int(which)%len(fuzzFormats)]
		opts := check.Options{MaxAge: 5, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Retractions: retracted}
		if which&4 != 0 {
			opts.Scope = check.ScopeParagraph
		}
		doc, err := article.Read("fuzz", data, format)
		if err != nil {
			// The one error a reader gives: a file that is not text.
			if !strings.HasPrefix(err.Error(), "fuzz:") || !errors.Is(err, textfile.ErrBinary) {
				t.Fatalf("%s: %v", format, err)
			}
			return
		}
		rep := check.CheckDocument(doc, lib, opts)
		text := string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")))
		lines := strings.Count(strings.ReplaceAll(text, "\r", "\n"), "\n") + 1
		checkReport(t, rep, lines)

		// Without its evident:ignore comments the article has exactly the
		// findings it had plus those the comments silenced.
		bare, err := article.Read("fuzz", data, format)
		if err != nil {
			t.Fatal(err)
		}
		bare.Suppressions = nil
		all := check.CheckDocument(bare, lib, opts)
		if all.Summary.Suppressed != 0 || len(all.Findings) != len(rep.Findings)+rep.Summary.Suppressed {
			t.Fatalf("%d findings and %d suppressed with the comments, %d without", len(rep.Findings), rep.Summary.Suppressed, len(all.Findings))
		}
		left := map[string]int{}
		for _, fd := range all.Findings {
			left[fmt.Sprint(fd)]++
		}
		for _, fd := range rep.Findings {
			if left[fmt.Sprint(fd)]--; left[fmt.Sprint(fd)] < 0 {
				t.Fatalf("finding %+v appears only with the comments", fd)
			}
		}
	})
}

func checkReport(t *testing.T, rep *corpus.Report, lines int) {
	t.Helper()
	s := rep.Summary
	if s.Sentences != len(rep.Claims) || s.Errors+s.Warnings+s.Infos != len(rep.Findings) || s.ListEntries != len(rep.References) {
		t.Fatalf("summary %+v for %d claims, %d findings, %d list entries", s, len(rep.Claims), len(rep.Findings), len(rep.References))
	}
	if s.Supported+s.Unsupported > s.Claims || s.Claims > s.Sentences || s.Resolved+s.Dangling+s.Unmatched+s.External > s.Citations {
		t.Fatalf("summary does not add up: %+v", s)
	}
	ids := map[string]bool{}
	for _, c := range rep.Claims {
		ids[c.ID] = true
		if c.Line < 1 || c.Line > lines || c.Col < 1 || c.Score < 0 || c.Score > 1 {
			t.Fatalf("claim %s at %d:%d (of %d lines), score %v", c.ID, c.Line, c.Col, lines, c.Score)
		}
	}
	for _, e := range rep.References {
		if e.Line < 1 || e.Line > lines {
			t.Fatalf("list entry %q at line %d of %d", e.Text, e.Line, lines)
		}
	}
	for _, fd := range rep.Findings {
		if fd.Line < 1 || fd.Line > lines || fd.Message == "" || fd.Severity < corpus.Info || fd.Severity > corpus.Error {
			t.Fatalf("finding %+v (of %d lines)", fd, lines)
		}
		if fd.Claim != "" && !ids[fd.Claim] {
			t.Fatalf("finding %+v about a sentence the report lacks", fd)
		}
	}
}

var baselineLine = regexp.MustCompile(`^fuzz\.json:(\d+): `)

// FuzzLoadBaseline reads arbitrary bytes as a --baseline file. An error
// names the file, and a line inside it when it has one: a line that moves
// down with the text when blank lines are put before it. A baseline that
// loads takes its own reports' findings as known.
func FuzzLoadBaseline(f *testing.F) {
	rep, err := check.Check("a.md", []byte("Sugar raises the risk of caries by 40% (1).\n\nIt cites [@nokey].\n"),
		corpus.Markdown, refs(f, library), check.Options{})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.CheckJSON(&buf, rep); err == nil {
		f.Add(buf.Bytes())
		f.Add(append(append([]byte("["), buf.Bytes()...), ']'))
		f.Add(append(append([]byte{}, buf.Bytes()...), buf.Bytes()...))
	}
	// JSON from the shared corpora (CSL-JSON, not reports), cut short.
	for _, rel := range []string{"articles/manubot-rootstock/manual-references.json", "articles/deep-review/content/manual-references.json"} {
		if data, err := os.ReadFile(filepath.Join(corpora, rel)); err == nil {
			f.Add(data[:min(len(data), 4000)])
		}
	}
	for _, s := range []string{
		"", "{\"schema\": 1,\n \"findings\": [\n}", `{"findings": []}`, `{"schema": 99}`, `{"schema": 1, "findings": "x"}`,
		"{\"schema\": 1, \"findings\": []}\n\n{\"schema\": 1,\n \"findings\": [\n  {\"code\": 3}\n ]\n}\n", "[1, 2]", "null", "[]",
		`{"schema": 1, "article": {"path": "a\\b.md"}, "claims": [{"id": "c1", "text": "x"}], "findings": [{"code": "stale", "claim": "c1"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := check.LoadBaseline(bytes.NewReader(data), "fuzz.json")
		if err == nil {
			return
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "fuzz.json:") {
			t.Fatalf("error does not name the file: %v", err)
		}
		m := baselineLine.FindStringSubmatch(msg)
		if m == nil {
			return
		}
		line, _ := strconv.Atoi(m[1])
		if lines := bytes.Count(data, []byte("\n")) + 1; line < 1 || line > lines {
			t.Fatalf("error at line %d of %d: %v", line, lines, err)
		}
		_, err2 := check.LoadBaseline(bytes.NewReader(append([]byte("\n\n\n"), data...)), "fuzz.json")
		m2 := baselineLine.FindStringSubmatch(fmt.Sprint(err2))
		if m2 == nil {
			t.Fatalf("error %v, after three blank lines %v", err, err2)
		}
		if line2, _ := strconv.Atoi(m2[1]); line2 != line+3 {
			t.Fatalf("error at line %d, after three blank lines at %d: %v", line, line2, err2)
		}
	})
}
