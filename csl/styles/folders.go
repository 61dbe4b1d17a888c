package styles

import (
	"path/filepath"
	"sort"
)

// SystemDir is the system's CSL folder: Debian's (and Ubuntu's) packages
// citation-style-language-styles and citation-style-language-locales
// install into its styles/ (independent styles, dependent ones in
// styles/dependent/) and locales/. The environment variable
// EVIDENT_CSL_DIR names another folder of that shape instead (a
// distribution that installs elsewhere, or a test that wants none).
const SystemDir = "/usr/share/citation-style-language"

// Folder is one place styles and locales are looked for.
type Folder struct {
	Origin  string // "user", "zotero" or "system"
	Styles  string // the styles folder; a dependent/ inside it is searched too
	Locales string // the locales folder; "" when there is none
}

// DefaultFolders returns the folders searched, in order: evident's own
// ($XDG_DATA_HOME/evident, by default ~/.local/share/evident: styles/ and
// locales/), Zotero's data directory (~/Zotero/styles, Zotero 5's default on
// Linux, macOS and Windows, then the profile folders of older Zotero on
// Linux, ~/.zotero/zotero/*/zotero/styles), and the system's CSL folder
// (SystemDir). getenv reads the environment (os.Getenv; a map in tests).
func DefaultFolders(getenv func(string) string) []Folder {
	var out []Folder
	home := getenv("HOME")
	if home == "" {
		home = getenv("USERPROFILE")
	}
	dataHome := getenv("XDG_DATA_HOME")
	if dataHome == "" && home != "" {
		dataHome = filepath.Join(home, ".local", "share")
	}
	if dataHome != "" {
		out = append(out, Folder{"user", filepath.Join(dataHome, "evident", "styles"), filepath.Join(dataHome, "evident", "locales")})
	}
	if home != "" {
		out = append(out, Folder{Origin: "zotero", Styles: filepath.Join(home, "Zotero", "styles")})
		legacy, _ := filepath.Glob(filepath.Join(home, ".zotero", "zotero", "*", "zotero", "styles"))
		sort.Strings(legacy)
		for _, d := range legacy {
			out = append(out, Folder{Origin: "zotero", Styles: d})
		}
	}
	sys := getenv("EVIDENT_CSL_DIR")
	if sys == "" {
		sys = SystemDir
	}
	out = append(out, Folder{"system", filepath.Join(sys, "styles"), filepath.Join(sys, "locales")})
	return out
}
