package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
)

// placed places and stores an article with the given id, absolute path
// and source, as add does, and returns what Place made of it.
func placed(t *testing.T, s *store.Store, id, abs, source string, explicit bool) (*store.Article, Action) {
	t.Helper()
	a := &store.Article{ID: id, Path: id, AbsPath: filepath.ToSlash(abs), Format: corpus.Markdown,
		Source: []byte(source), Checked: time.Now().UTC()}
	var action Action
	if _, err := s.Update(func(tx *store.Tx) error {
		var err error
		if action, err = Place(tx, a, explicit, map[string]bool{}); err != nil {
			return err
		}
		return tx.PutArticle(a)
	}); err != nil {
		t.Fatal(err)
	}
	return a, action
}

func TestPlace_SameFileMovedFileCopyAndNameClash(t *testing.T) {
	dir := t.TempDir()
	file := func(rel, content string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	s := newStore(t)
	x := file("plos/x.md", "# X\n")
	first, action := placed(t, s, "plos/x.md", x, "# X\n", false)
	if action != Added || first.Added.IsZero() {
		t.Fatalf("first add: %s, added %v; want added with a time", action, first.Added)
	}

	// Named from inside plos/: the id as given differs, the file does not.
	a, action := placed(t, s, "x.md", x, "# X, revised\n", false)
	if action != Updated || a.ID != "plos/x.md" || !a.Added.Equal(first.Added) {
		t.Errorf("same file: %s %s added %v; want updated plos/x.md added %v", action, a.ID, a.Added, first.Added)
	}

	// Moved, the old file gone: found by content, keeps id and history.
	y := file("y.md", "# X, revised\n")
	if err := os.Remove(x); err != nil {
		t.Fatal(err)
	}
	a, action = placed(t, s, "y.md", y, "# X, revised\n", false)
	if action != Moved || a.ID != "plos/x.md" || a.MovedFrom != filepath.ToSlash(x) || !a.Added.Equal(first.Added) {
		t.Errorf("moved: %s %s from %q; want moved plos/x.md from %s", action, a.ID, a.MovedFrom, x)
	}

	// A copy whose original is still there is new.
	c := file("c.md", "# X, revised\n")
	if a, action = placed(t, s, "c.md", c, "# X, revised\n", false); action != Added || a.ID != "c.md" {
		t.Errorf("copy: %s %s; want added c.md", action, a.ID)
	}

	// Another file under a name already taken: its absolute path.
	other := file("sub/c.md", "# Other\n")
	if a, action = placed(t, s, "c.md", other, "# Other\n", false); action != Added || a.ID != filepath.ToSlash(other) {
		t.Errorf("name clash: %s %s; want added %s", action, a.ID, other)
	}

	// --id decides alone.
	if a, action = placed(t, s, "c.md", other, "# Other\n", true); action != Updated || a.ID != "c.md" {
		t.Errorf("--id: %s %s; want updated c.md", action, a.ID)
	}
}

func TestPlace_ArticleStoredWithoutAbsPathIsFoundByID(t *testing.T) {
	s := newStore(t)
	old := &store.Article{ID: "plos/x.md", Path: "plos/x.md", Format: corpus.Markdown, Source: []byte("# X\n"),
		Checked: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := s.Update(func(tx *store.Tx) error { return tx.PutArticle(old) }); err != nil {
		t.Fatal(err)
	}
	a, action := placed(t, s, "plos/x.md", "/w/plos/x.md", "# X\n", false)
	if action != Updated || a.ID != "plos/x.md" || !a.Added.Equal(old.Checked) {
		t.Errorf("legacy: %s %s added %v; want updated plos/x.md added %v", action, a.ID, a.Added, old.Checked)
	}
}

func TestFind_ByFileThenByID(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	s := newStore(t)
	placed(t, s, "notes.md", filepath.Join(dir, "notes.md"), "# A\n", false)
	placed(t, s, "sub/notes.md", filepath.Join(dir, "sub", "notes.md"), "# B\n", false)
	for _, tc := range []struct{ name, want string }{
		{"notes.md", "notes.md"},
		{"./sub/notes.md", "sub/notes.md"},
		{"sub/../sub/notes.md", "sub/notes.md"},
		{filepath.Join(dir, "sub", "notes.md"), "sub/notes.md"},
	} {
		a, err := Find(s, tc.name)
		if err != nil || a.ID != tc.want {
			t.Errorf("Find(%q) = %v, %v; want %s", tc.name, a, err, tc.want)
		}
	}
	t.Chdir(filepath.Join(dir, "sub"))
	if a, err := Find(s, "notes.md"); err != nil || a.ID != "sub/notes.md" {
		t.Errorf("Find(notes.md) from sub/ = %v, %v; want the file here, sub/notes.md", a, err)
	}
	if _, err := Find(s, "nothere.md"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Find(nothere.md) = %v, want ErrNotFound", err)
	}
}
