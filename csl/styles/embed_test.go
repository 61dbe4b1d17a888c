package styles

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltins_EveryNameFindsItsEmbeddedFile(t *testing.T) {
	want := map[string]string{
		"apa": "American Psychological Association 7th edition", "ama": "American Medical Association 11th edition",
		"chicago": "Chicago Manual of Style 17th edition (author-date)", "harvard": "Cite Them Right 12th edition - Harvard",
		"ieee": "IEEE", "mla": "Modern Language Association 9th edition", "vancouver": "Vancouver",
	}
	if got := strings.Join(BuiltinNames(), ","); got != "ama,apa,chicago,harvard,ieee,mla,vancouver" {
		t.Fatalf("BuiltinNames = %s", got)
	}
	for _, b := range Builtins() {
		in, err := ReadInfo(b.Data(), b.File)
		if err != nil {
			t.Fatalf("%s: %v", b.File, err)
		}
		if in.Title != want[b.Name] || in.Dependent() || in.ID != "http://www.zotero.org/styles/"+strings.TrimSuffix(b.File, ".csl") {
			t.Errorf("%s: info %+v", b.Name, in)
		}
		for _, n := range append([]string{b.Name, strings.ToUpper(b.Name), b.File, in.ID}, b.Aliases...) {
			if got, ok := LookupBuiltin(n); !ok || got.Name != b.Name {
				t.Errorf("LookupBuiltin(%q) = %v, %v; want %s", n, got.Name, ok, b.Name)
			}
		}
	}
	if _, ok := LookupBuiltin("nature"); ok {
		t.Error("nature is not built in")
	}
}

func TestEmbeddedLocales_CoverTheIssuesLanguages(t *testing.T) {
	got := strings.Join(EmbeddedLocales(), ",")
	if got != "de-DE,en-GB,en-US,es-ES,fr-FR,nl-NL,pt-BR" {
		t.Fatalf("embedded locales %s", got)
	}
	f := &Finder{}
	for _, lang := range []string{"de-DE", "de", "de_de", "en", "pt-BR", "fr-FR"} {
		src, name, err := f.Locale(lang)
		if err != nil || !bytes.Contains(src, []byte("<locale")) {
			t.Errorf("Locale(%q): %s, %v", lang, name, err)
		}
	}
	if _, name, _ := f.Locale("en"); name != "locales-en-US.xml" {
		t.Errorf("en gives %s, want the primary dialect en-US", name)
	}
	if src, _, err := f.Locale("xx-YY"); src != nil || err != nil {
		t.Errorf("an unknown locale gives %d bytes, %v; want nothing", len(src), err)
	}
	if src, _, _ := f.Locale("../../etc/passwd"); src != nil {
		t.Error("a path is not a locale")
	}
}

// The embedded files are the ones the golden files were made with (the
// shared corpora's copies) and Debian's: say so by comparing, where they
// are on this machine.
func TestEmbedded_SameAsCorporaAndDebian(t *testing.T) {
	corpora := filepath.Join("..", "..", "..", "shared", "corpora", "csl")
	dirs := map[string]string{"corpora": corpora, "debian": filepath.Join(SystemDir, "styles")}
	for what, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			t.Logf("%s: %s absent, not compared", what, dir)
			continue
		}
		for _, b := range Builtins() {
			other, err := os.ReadFile(filepath.Join(dir, b.File))
			if err != nil {
				t.Errorf("%s: %v", what, err)
				continue
			}
			if !bytes.Equal(other, b.Data()) {
				t.Errorf("%s: %s differs from the embedded copy", what, b.File)
			}
		}
	}
	if dir := filepath.Join(SystemDir, "locales"); func() bool { _, err := os.Stat(dir); return err == nil }() {
		for _, l := range EmbeddedLocales() {
			other, err := os.ReadFile(filepath.Join(dir, "locales-"+l+".xml"))
			src, _ := embeddedLocale(l)
			if err != nil || !bytes.Equal(other, src) {
				t.Errorf("locale %s differs from Debian's (%v)", l, err)
			}
		}
	}
}

func TestSources_NameEveryEmbeddedFile(t *testing.T) {
	tsv, err := data.ReadFile("data/SOURCES.tsv")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for i, line := range strings.Split(strings.TrimSpace(string(tsv)), "\n")[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) != 6 || cols[4] != "CC BY-SA 3.0" {
			t.Errorf("SOURCES.tsv:%d: want 6 columns with the licence, got %q", i+2, line)
			continue
		}
		listed[cols[0]] = true
	}
	for _, b := range Builtins() {
		if !listed["styles/"+b.File] {
			t.Errorf("SOURCES.tsv does not name styles/%s", b.File)
		}
	}
	for _, l := range EmbeddedLocales() {
		if !listed["locales/locales-"+l+".xml"] {
			t.Errorf("SOURCES.tsv does not name locales/locales-%s.xml", l)
		}
	}
}
