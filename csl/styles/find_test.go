package styles

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// independent and dependent write small style files for the tests.
func independent(id, title string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="de-DE">
  <info>
    <title>` + title + `</title>
    <id>http://www.zotero.org/styles/` + id + `</id>
    <category citation-format="author-date"/>
  </info>
  <citation><layout><text variable="title"/></layout></citation>
</style>
`
}

func dependent(id, title, parent string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="fr-FR">
  <info>
    <title>` + title + `</title>
    <id>http://www.zotero.org/styles/` + id + `</id>
    <link href="http://www.zotero.org/styles/` + parent + `" rel="independent-parent"/>
    <category citation-format="numeric"/>
  </info>
</style>
`
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// testFinder makes a user folder, a Zotero folder and a system folder
// (with dependent/) under a temporary directory.
func testFinder(t *testing.T) (*Finder, string) {
	dir := t.TempDir()
	env := map[string]string{"HOME": filepath.Join(dir, "home"), "EVIDENT_CSL_DIR": filepath.Join(dir, "sys")}
	f := NewFinder(func(k string) string { return env[k] })
	user := filepath.Join(dir, "home", ".local", "share", "evident", "styles")
	write(t, filepath.Join(user, "house.csl"), independent("house", "Our House Style"))
	write(t, filepath.Join(user, "shadow.csl"), independent("shadow", "User's shadow"))
	write(t, filepath.Join(dir, "home", "Zotero", "styles", "zot.csl"), independent("zot", "From Zotero"))
	sys := filepath.Join(dir, "sys", "styles")
	write(t, filepath.Join(sys, "shadow.csl"), independent("shadow", "System shadow"))
	write(t, filepath.Join(sys, "parent-numeric.csl"), independent("parent-numeric", "Parent Numeric"))
	write(t, filepath.Join(sys, "dependent", "journal-x.csl"), dependent("journal-x", "Journal X", "parent-numeric"))
	write(t, filepath.Join(sys, "dependent", "journal-apa.csl"), dependent("journal-apa", "Journal on APA", "apa"))
	write(t, filepath.Join(sys, "dependent", "orphan.csl"), dependent("orphan", "Orphan", "gone"))
	write(t, filepath.Join(sys, "broken.csl"), "<?xml version=\"1.0\"?>\n<style>\n  <info>\n    <title>Broken</titel>\n")
	write(t, filepath.Join(dir, "sys", "locales", "locales-it-IT.xml"), `<locale xml:lang="it-IT"/>`)
	return f, dir
}

func TestFind_ResolvesEachKindOfName(t *testing.T) {
	f, dir := testFinder(t)
	house := filepath.Join(dir, "elsewhere", "house-2.csl")
	write(t, house, independent("house-2", "House Two"))
	tests := []struct {
		name, wantTitle, wantOrigin, wantRules, wantLocale string
	}{
		{"apa", "American Psychological Association 7th edition", "built-in", "apa.csl", ""},
		{"American-Medical-Association", "American Medical Association 11th edition", "built-in", "american-medical-association.csl", ""},
		{"house", "Our House Style", "user", "house.csl", ""},
		{"house.csl", "Our House Style", "user", "house.csl", ""},
		{"http://www.zotero.org/styles/house", "Our House Style", "user", "house.csl", ""},
		{"zot", "From Zotero", "zotero", "zot.csl", ""},
		{"shadow", "User's shadow", "user", "shadow.csl", ""},
		{house, "House Two", "file", "house-2.csl", ""},
		{"journal-x", "Journal X", "system", "parent-numeric.csl", "fr-FR"},
		{"journal-apa", "Journal on APA", "system", "apa.csl", "fr-FR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := f.Find(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			if s.Info.Title != tc.wantTitle || s.Info.Origin != tc.wantOrigin || filepath.Base(s.File) != tc.wantRules || s.Locale != tc.wantLocale {
				t.Errorf("got %q from %s, rules %s, locale %q", s.Info.Title, s.Info.Origin, s.File, s.Locale)
			}
			if in, err := ReadInfo(s.Data, s.File); err != nil || in.Dependent() {
				t.Errorf("the rules are not an independent style: %+v %v", in, err)
			}
		})
	}
}

func TestFind_ErrorsSayWhatAndWhere(t *testing.T) {
	f, dir := testFinder(t)
	tests := []struct {
		name     string
		notFound bool
		want     []string
	}{
		{"nosuch", true, []string{`unknown style "nosuch"`, "not a built-in style (ama, apa,", "no nosuch.csl in", filepath.Join(dir, "home", "Zotero", "styles"), filepath.Join(dir, "sys", "styles", "dependent")}},
		{filepath.Join(dir, "missing.csl"), true, []string{"missing.csl: no such file"}},
		{"orphan", true, []string{"orphan.csl is dependent on http://www.zotero.org/styles/gone, which is not built in"}},
		{"broken", false, []string{"broken.csl:4: malformed XML"}},
		{"../etc", true, []string{"../etc: no such file"}},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.name), func(t *testing.T) {
			_, err := f.Find(tc.name)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNotFound) != tc.notFound {
				t.Errorf("errors.Is(ErrNotFound) = %v", !tc.notFound)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestList_ShowsEveryFolderAndFilters(t *testing.T) {
	f, _ := testFinder(t)
	all, skipped := f.List("")
	if len(skipped) != 1 || !strings.Contains(skipped[0].Error(), "broken.csl:4:") {
		t.Errorf("skipped %v, want broken.csl with its line", skipped)
	}
	var names []string
	for _, in := range all {
		names = append(names, in.Origin+":"+in.Name)
	}
	want := "built-in:ama built-in:apa built-in:chicago built-in:harvard built-in:ieee built-in:mla built-in:vancouver " +
		"user:house user:shadow zotero:zot system:journal-apa system:journal-x system:orphan system:parent-numeric system:shadow"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("List:\n got %s\nwant %s", got, want)
	}
	got, _ := f.List("JOURNAL x")
	if len(got) != 1 || got[0].Name != "journal-x" || !got[0].Dependent() || got[0].Format != "numeric" {
		t.Errorf("List(JOURNAL x) = %+v", got)
	}
	got, _ = f.List("psychological")
	if len(got) != 1 || got[0].Name != "apa" {
		t.Errorf("List(psychological) = %+v", got)
	}
}

func TestLocale_EmbeddedThenFolders(t *testing.T) {
	f, _ := testFinder(t)
	if src, name, err := f.Locale("it"); err != nil || string(src) != `<locale xml:lang="it-IT"/>` || !strings.HasSuffix(name, "locales-it-IT.xml") {
		t.Errorf("it: %q from %s, %v", src, name, err)
	}
	if _, name, _ := f.Locale("de-DE"); name != "locales-de-DE.xml" {
		t.Errorf("de-DE from %s, want the embedded file", name)
	}
}

func TestDefaultFolders_RespectXDGDataHome(t *testing.T) {
	env := map[string]string{"HOME": "/h", "XDG_DATA_HOME": "/data"}
	got := DefaultFolders(func(k string) string { return env[k] })
	if len(got) != 3 || got[0].Styles != filepath.Join("/data", "evident", "styles") || got[1].Styles != filepath.Join("/h", "Zotero", "styles") ||
		got[2].Styles != filepath.Join(SystemDir, "styles") || got[2].Origin != "system" {
		t.Errorf("folders %+v", got)
	}
}

func TestReadInfo_RefusesWhatIsNotAStyle(t *testing.T) {
	tests := map[string]string{
		"<locale xmlns=\"http://purl.org/net/xbiblio/csl\"/>": "x.csl:1: the root element is <locale>",
		"<style>\n<info><title>T</title></info>\n</style>":    "x.csl:2: the style's <info> has no <id>",
		"": "x.csl: no <style> element",
		"<style><info><id>a</id><title>T</title>\n\n<oops></info>": "x.csl:3: malformed XML",
	}
	for src, want := range tests {
		_, err := ReadInfo([]byte(src), "x.csl")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadInfo(%q) = %v, want %q", src, err, want)
		}
	}
}

func FuzzReadInfo(f *testing.F) {
	for _, b := range Builtins() {
		f.Add(b.Data())
	}
	f.Add([]byte(dependent("d", "D", "p")))
	f.Add([]byte("<style><info><id>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		in, err := ReadInfo(src, "f.csl")
		if err == nil && in.ID == "" {
			t.Errorf("no error and no id: %+v", in)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.csl") {
			t.Errorf("error does not name the file: %v", err)
		}
	})
}
