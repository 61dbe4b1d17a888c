package csl

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// SystemDir is Debian's system folder of CSL files: the
// citation-style-language-styles package puts independent styles in
// styles/ (dependent ones in styles/dependent/) and its locales package
// puts locales-xx-XX.xml files in locales/.
const SystemDir = "/usr/share/citation-style-language"

// DirLocales returns a LocaleSource that reads locales-<lang>.xml files
// from a folder (as in the CSL locales repository and Debian's package).
// A missing file is not an error: the source has no such locale.
func DirLocales(dir string) LocaleSource {
	return FSLocales(os.DirFS(dir), dir)
}

// FSLocales is DirLocales over a file system (an embedded one, say); name
// prefixes file names in errors.
func FSLocales(fsys fs.FS, name string) LocaleSource {
	return func(lang string) (*Locale, error) {
		file := "locales-" + lang + ".xml"
		data, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		return ParseLocale(data, filepath.Join(name, file))
	}
}
