package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// corporaDir holds the shared test articles (see the corpora README).
const corporaDir = "../../../shared/corpora/articles"

func read(t *testing.T, name, src string, f corpus.Format) *corpus.Document {
	t.Helper()
	doc, err := Read(name, []byte(src), f)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	checkDocument(t, doc, src)
	return doc
}

// readCorpus reads a file of the shared corpora, skipping the test when
// the corpora are not there.
func readCorpus(t testing.TB, rel string) (*corpus.Document, string) {
	t.Helper()
	path := filepath.Join(corporaDir, rel)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("corpus file %s not found: the shared corpora are not checked out next to the repository", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	f, err := DetectFormat(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(path, data, f)
	if err != nil {
		t.Fatalf("Read(%s): %v", rel, err)
	}
	checkDocument(t, doc, string(data))
	return doc, string(data)
}

// checkDocument asserts what every reader promises: positions for every
// byte, inside the input, and text without outer white space.
func checkDocument(t testing.TB, doc *corpus.Document, src string) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	for i, b := range doc.Blocks {
		if b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
			t.Errorf("block %d: empty or untrimmed text %q", i, b.Text)
		}
		if len(b.Pos) != len(b.Text) {
			t.Fatalf("block %d: %d positions for %d bytes of text %q", i, len(b.Pos), len(b.Text), b.Text)
		}
		for _, p := range b.Pos {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("block %d %q: position %v outside the input's %d lines", i, b.Text, p, lines)
			}
		}
	}
	for i, e := range doc.RefList {
		if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
			t.Errorf("reference %d %q: position %v outside the input", i, e.Text, e.Pos)
		}
	}
}

func blockTexts(doc *corpus.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// block returns the first block whose text starts with prefix.
func block(t *testing.T, doc *corpus.Document, prefix string) corpus.Block {
	t.Helper()
	for _, b := range doc.Blocks {
		if strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("no block starts with %q; blocks:\n%s", prefix, strings.Join(blockTexts(doc), "\n"))
	return corpus.Block{}
}

// sentence returns the first sentence that starts with prefix.
func sentence(t *testing.T, ss []corpus.Sentence, prefix string) corpus.Sentence {
	t.Helper()
	for _, s := range ss {
		if strings.HasPrefix(s.Text, prefix) {
			return s
		}
	}
	t.Fatalf("no sentence starts with %q", prefix)
	return corpus.Sentence{}
}

// posOf returns the position of the first occurrence of needle in a
// block's text.
func posOf(t *testing.T, b corpus.Block, needle string) corpus.Position {
	t.Helper()
	i := strings.Index(b.Text, needle)
	if i < 0 {
		t.Fatalf("%q not in block %q", needle, b.Text)
	}
	return b.Pos[i]
}

func allText(doc *corpus.Document) string {
	var sb strings.Builder
	for _, b := range doc.Blocks {
		sb.WriteString(b.Text)
		sb.WriteByte('\n')
	}
	for _, e := range doc.RefList {
		sb.WriteString(e.Text)
		sb.WriteByte('\n')
	}
	return sb.String()
}
