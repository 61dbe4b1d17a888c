package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// docxCorpus returns the files of the Word corpus (the documents and two
// parts of one unzipped), without its licences and notes, skipping the
// test when they are not there.
func docxCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	dir := filepath.Join(corporaDir, "..", "docx")
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		base := d.Name()
		if !d.IsDir() && !strings.HasPrefix(base, "LICENSE") && base != "README.md" && base != "SOURCES.tsv" {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			files[filepath.ToSlash(rel)] = data
		}
		return nil
	})
	if os.IsNotExist(err) {
		t.Skipf("%s not found: the shared corpora are not checked out next to the repository", dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDOCX_Dump(t *testing.T) {
	name := os.Getenv("DOCX_DUMP")
	if name == "" {
		t.Skip()
	}
	files := docxCorpus(t)
	doc, err := Read(name, files[name], "")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		t.Logf("%s %d ¶%d fn=%q: %s", b.Kind, b.Paragraph, b.Pos[0].Line, b.Footnote, b.Text)
	}
	t.Logf("reflist under %q", doc.RefListHeading)
	for _, e := range doc.RefList {
		t.Logf("ref %q ¶%d: %s", e.Label, e.Pos.Line, e.Text)
	}
}

// TestDOCX_CorporaReadOrRefused reads every Word file of the corpora: each
// is read, with positions inside its paragraphs, or refused with a message
// that names the file.
func TestDOCX_CorporaReadOrRefused(t *testing.T) {
	files := docxCorpus(t)
	read, refused := 0, 0
	for name, data := range files {
		doc, err := Read(name, data, "")
		if err != nil {
			refused++
			if !strings.HasPrefix(err.Error(), name+": ") || strings.Contains(err.Error(), "internal error") {
				t.Errorf("%s: unclear refusal: %v", name, err)
			}
			t.Logf("refused %v", err)
			continue
		}
		read++
		last := 0
		for _, b := range doc.Blocks {
			if len(b.Pos) != len(b.Text) || b.Text == "" {
				t.Fatalf("%s: block %q has %d positions", name, b.Text, len(b.Pos))
			}
			last = max(last, b.Pos[0].Line)
		}
		if last > 0 && doc.Blocks[0].Pos[0].Line < 1 {
			t.Errorf("%s: paragraph 0", name)
		}
	}
	t.Logf("%d Word files: %d read, %d refused", len(files), read, refused)
	// Refused: a zip that is no Word file, and the two loose parts.
	if refused != 3 {
		t.Errorf("%d of %d refused, want 3", refused, len(files))
	}
}

// TestDOCX_TrackedChangesReadAsAccepted compares the text read from every
// document with tracked changes with the text of its answer key, the same
// document with every change accepted.
func TestDOCX_TrackedChangesReadAsAccepted(t *testing.T) {
	files := docxCorpus(t)
	pairs := map[string]string{"python-redlines/expected_redline.docx": "python-redlines/modified.docx"}
	for name := range files {
		if orig, ok := strings.CutSuffix(name, "-Accepted.docx"); ok {
			pairs[orig+".docx"] = name
		}
	}
	agree := 0
	for orig, accepted := range pairs {
		got, want := docxText(t, orig, files[orig]), docxText(t, accepted, files[accepted])
		if got == want {
			agree++
			continue
		}
		t.Errorf("%s read differs from %s:\n%s", orig, accepted, firstDiff(got, want))
	}
	t.Logf("%d of %d documents read as their accepted answer key", agree, len(pairs))
}

func docxText(t *testing.T, name string, data []byte) string {
	t.Helper()
	if data == nil {
		t.Fatalf("%s: not in the corpora", name)
	}
	doc, err := Read(name, data, "")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return allText(doc)
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "read:   " + x + "\nanswer: " + y
		}
	}
	return ""
}

func readDOCXCorpus(t *testing.T, name string) *corpus.Document {
	t.Helper()
	files := docxCorpus(t)
	doc, err := Read(name, files[name], "")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if doc.Positions != corpus.PositionsParagraphs || doc.Format != corpus.DOCX {
		t.Errorf("%s: format %q, positions %q", name, doc.Format, doc.Positions)
	}
	return doc
}

func TestDOCX_CommentsAreNotText(t *testing.T) {
	for name, comments := range map[string][]string{
		"mammoth.js/comments.docx": {"tachyon", "Fin."},
		"pydocx/helloworld.docx":   {"This is a comment", "This is another comment"},
	} {
		text := allText(readDOCXCorpus(t, name))
		for _, c := range comments {
			if strings.Contains(text, c) {
				t.Errorf("%s: comment %q read as text:\n%s", name, c, text)
			}
		}
	}
	if text := allText(readDOCXCorpus(t, "mammoth.js/comments.docx")); text != "Ouch.\n" {
		t.Errorf("comments.docx reads %q, want the one paragraph", text)
	}
}

func TestDOCX_FootnotesAreFootnoteBlocks(t *testing.T) {
	for _, name := range []string{"mammoth.js/footnotes.docx", "mammoth.js/endnotes.docx"} {
		doc := readDOCXCorpus(t, name)
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, string(b.Kind)+" "+b.Footnote+" "+b.Text)
		}
		want := []string{"sentence  Ouch[^1].[^2]", "footnote 1 A tachyon walks into a bar.", "footnote 2 Fin."}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s blocks:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestDOCX_ReferenceManagerFields reads a manuscript whose citations and
// reference list are Zotero and Mendeley fields: the results are text,
// the instructions (with their JSON) are not.
func TestDOCX_ReferenceManagerFields(t *testing.T) {
	for _, name := range []string{"acronym/zotero.docx", "acronym/mendeley.docx"} {
		doc := readDOCXCorpus(t, name)
		text := allText(doc)
		for _, no := range []string{"ADDIN", "CSL_CITATION", "citationItems", "ZOTERO"} {
			if strings.Contains(text, no) {
				t.Errorf("%s: field instruction %q read as text", name, no)
			}
		}
		b := block(t, doc, "Since first introduced by Monod and Scherrer [1]")
		if b.Pos[0].Line < 10 || b.Kind != corpus.KindSentence {
			t.Errorf("%s: %s at %v", name, b.Kind, b.Pos[0])
		}
		if len(doc.RefList) != 27 || doc.RefList[0].Label != "1" || !strings.HasPrefix(doc.RefList[0].Text, "Monod H, Scherrer J.") {
			t.Errorf("%s: %d list entries under %q, first %+v", name, len(doc.RefList), doc.RefListHeading, doc.RefList[:min(1, len(doc.RefList))])
		}
	}
}
