package style

import (
	"strings"
)

// isEnglish reports whether a language tag or BibTeX langid names English
// (or nothing).
func isEnglish(lang string) bool {
	l := strings.ToLower(strings.TrimSpace(lang))
	return l == "" || strings.HasPrefix(l, "en") || l == "american" || l == "british" ||
		l == "usenglish" || l == "ukenglish" || l == "canadian" || l == "australian" || l == "newzealand"
}
