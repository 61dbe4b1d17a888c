package styles

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

// data holds the built-in styles (data/styles) and locales (data/locales).
//
//go:embed data/styles/*.csl data/locales/*.xml data/LICENSE data/SOURCES.tsv
var data embed.FS

// Builtin is one of the styles embedded in the binary.
type Builtin struct {
	Name    string   // evident's short name: "apa"
	File    string   // the official file name: "apa.csl"
	Aliases []string // other names that choose it
}

// builtins keeps evident's names and aliases of the seven styles it has
// always had, so that settings written before styles became data still work.
var builtins = []Builtin{
	{"ama", "american-medical-association.csl", []string{"ama11", "american-medical-association"}},
	{"apa", "apa.csl", []string{"apa7", "apa-7", "american-psychological-association"}},
	{"chicago", "chicago-author-date.csl", []string{"chicago-author-date", "chicago-17", "cmos"}},
	{"harvard", "harvard-cite-them-right.csl", []string{"harvard-cite-them-right", "cite-them-right", "harvard-ctr"}},
	{"ieee", "ieee.csl", []string{"ieee-transactions"}},
	{"mla", "modern-language-association.csl", []string{"modern-language-association", "mla9", "mla-9"}},
	{"vancouver", "vancouver.csl", []string{"nlm", "icmje", "citing-medicine"}},
}

// Builtins returns the embedded styles, sorted by name.
func Builtins() []Builtin {
	out := append([]Builtin(nil), builtins...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// BuiltinNames returns the short names of the embedded styles, sorted.
func BuiltinNames() []string {
	var names []string
	for _, b := range Builtins() {
		names = append(names, b.Name)
	}
	return names
}

// LookupBuiltin finds an embedded style by its short name, an alias, its
// file name with or without ".csl", or its CSL id
// ("http://www.zotero.org/styles/apa"); case does not matter.
func LookupBuiltin(name string) (Builtin, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	n = shortID(n)
	n = strings.TrimSuffix(n, ".csl")
	for _, b := range builtins {
		if n == b.Name || n == strings.TrimSuffix(b.File, ".csl") {
			return b, true
		}
		for _, a := range b.Aliases {
			if n == a {
				return b, true
			}
		}
	}
	return Builtin{}, false
}

// Data returns the CSL file of a built-in style.
func (b Builtin) Data() []byte {
	d, err := fs.ReadFile(data, "data/styles/"+b.File)
	if err != nil {
		// The table above and the embedded files are checked by a test.
		panic("styles: built-in style file missing: " + b.File)
	}
	return d
}

// shortID turns a style id URL ("http://www.zotero.org/styles/apa") into
// its last path element ("apa"), the name the CSL project gives its file;
// anything else is returned as it is.
func shortID(id string) string {
	if !strings.Contains(id, "://") {
		return id
	}
	id = strings.TrimRight(id, "/")
	return id[strings.LastIndexByte(id, '/')+1:]
}

// embeddedLocale returns the embedded locale file for lang ("de-DE").
func embeddedLocale(lang string) ([]byte, bool) {
	d, err := fs.ReadFile(data, "data/locales/locales-"+lang+".xml")
	return d, err == nil
}

// EmbeddedLocales returns the languages of the embedded locales, sorted.
func EmbeddedLocales() []string {
	entries, _ := fs.ReadDir(data, "data/locales")
	var langs []string
	for _, e := range entries {
		langs = append(langs, strings.TrimSuffix(strings.TrimPrefix(e.Name(), "locales-"), ".xml"))
	}
	return langs
}

// LocaleFS is the folder of embedded locale files (locales-de-DE.xml, ...),
// for csl.FSLocales.
func LocaleFS() fs.FS {
	sub, err := fs.Sub(data, "data/locales")
	if err != nil {
		panic("styles: embedded locales missing: " + err.Error())
	}
	return sub
}
