package styles

import (
	"os"
	"path/filepath"
	"strings"
)

// primaryDialect maps a bare language to the locale the CSL project names
// its primary dialect, for a style or --locale that gives only "de" or "pt".
var primaryDialect = map[string]string{
	"de": "de-DE", "en": "en-US", "es": "es-ES", "fr": "fr-FR", "nl": "nl-NL", "pt": "pt-PT",
	"it": "it-IT", "ja": "ja-JP", "zh": "zh-CN", "sv": "sv-SE", "da": "da-DK", "nb": "nb-NO",
	"pl": "pl-PL", "ru": "ru-RU", "cs": "cs-CZ", "fi": "fi-FI", "tr": "tr-TR", "ko": "ko-KR",
}

// Locale returns the CSL locale file for lang ("de-DE", or "de" for the
// language's primary dialect): the embedded one, else the first found in
// the folders' locales folders. It returns a nil slice, without error, when
// there is none; name is the file name for errors.
func (f *Finder) Locale(lang string) (src []byte, name string, err error) {
	lang = strings.TrimSpace(lang)
	if lang == "" || strings.ContainsAny(lang, `/\.`) {
		return nil, "", nil
	}
	lang = normalizeLang(lang)
	candidates := []string{lang}
	if p, ok := primaryDialect[strings.ToLower(lang)]; ok {
		candidates = append(candidates, p)
	}
	for _, l := range candidates {
		if src, ok := embeddedLocale(l); ok {
			return src, "locales-" + l + ".xml", nil
		}
	}
	for _, l := range candidates {
		for _, fo := range f.Folders {
			if fo.Locales == "" {
				continue
			}
			path := filepath.Join(fo.Locales, "locales-"+l+".xml")
			src, err := os.ReadFile(path)
			if err == nil {
				return src, path, nil
			}
			if !os.IsNotExist(err) {
				return nil, path, err
			}
		}
	}
	return nil, "", nil
}

// normalizeLang writes a language tag as the locale files are named:
// "de-de" and "de_DE" become "de-DE".
func normalizeLang(lang string) string {
	lang = strings.ReplaceAll(lang, "_", "-")
	base, region, ok := strings.Cut(lang, "-")
	if !ok {
		return strings.ToLower(lang)
	}
	if len(region) == 2 {
		region = strings.ToUpper(region)
	}
	return strings.ToLower(base) + "-" + region
}
