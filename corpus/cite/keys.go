package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// Keyed citations: pandoc "[see @key, p. 33; @other]", "@key says",
// Manubot "[@doi:10.1038/x]", and LaTeX "\citep[see][p.~3]{a,b}".

// crossRefPrefixes are pandoc-crossref labels, which look like keys but
// point at figures, tables, equations, sections and listings.
var crossRefPrefixes = []string{"fig:", "tbl:", "eq:", "sec:", "lst:"}

func isCrossRef(key string) bool {
	for _, p := range crossRefPrefixes {
		if hasPrefixFold(key, p) {
			return true
		}
	}
	return false
}

// isKeyRune reports whether r may occur in a pandoc citation key; the
// punctuation is allowed only inside a key (trailing punctuation is cut).
func isKeyRune(r rune) bool {
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
		return true
	}
	return strings.ContainsRune(":.#$%&-+?<>~/=", r)
}

// keyAt reads a pandoc key after the @ at s[i:]: a run of key runes with
// trailing punctuation removed, or anything inside braces ("@{url}").
func keyAt(s string, i int) (key string, j int) {
	if i < len(s) && s[i] == '{' {
		e := strings.IndexByte(s[i:], '}')
		if e <= 1 {
			return "", i
		}
		return s[i+1 : i+e], i + e + 1
	}
	j = i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isKeyRune(r) {
			break
		}
		j += n
	}
	for j > i && strings.IndexByte(":.#$%&-+?<>~=", s[j-1]) >= 0 {
		j--
	}
	if j == i {
		return "", i
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
		return "", i
	}
	return s[i:j], j
}

// parsePandoc parses the inside of a pandoc citation bracket. Every item
// must hold one @key; cross-references are left out, and when nothing else
// is left, onlyRefs is set so the caller skips the bracket.
func parsePandoc(inner string) (cites []corpus.Cite, onlyRefs, ok bool) {
	refs := 0
	for item := range strings.SplitSeq(inner, ";") {
		if strings.TrimSpace(item) == "" {
			continue // "[@a;; @b]": pandoc reads past an empty item
		}
		at := -1
		for k := 0; k < len(item); k++ {
			if item[k] != '@' {
				continue
			}
			if k == 0 || item[k-1] == '-' || item[k-1] == ' ' || item[k-1] == '[' {
				at = k
				break
			}
			return nil, false, false // an e-mail address
		}
		if at < 0 {
			return nil, false, false
		}
		key, j := keyAt(item, at+1)
		if key == "" {
			return nil, false, false
		}
		if isCrossRef(key) {
			refs++
			continue
		}
		prefix := strings.TrimSpace(item[:at])
		prefix = strings.TrimSpace(strings.TrimSuffix(prefix, "-"))
		loc := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(item[j:]), ","))
		if strings.Trim(loc, ".,:;!?") == "" {
			loc = ""
		}
		cites = append(cites, corpus.Cite{Key: key, Prefix: collapseSpace(prefix), Locator: collapseSpace(loc)})
	}
	if len(cites) == 0 {
		return nil, refs > 0, false
	}
	return cites, false, true
}

// bareKeyOK reports whether a key written without brackets ("@key says")
// is a citation rather than a social-media handle: it must carry a digit
// (smith2019) or a Manubot prefix (doi:…), and not be a cross-reference.
func bareKeyOK(key string) bool {
	if isCrossRef(key) {
		return false
	}
	return strings.IndexByte(key, ':') > 0 || strings.ContainsAny(key, "0123456789")
}

// latexCommands maps the LaTeX citation commands (natbib and biblatex) to
// whether they are narrative (the author's name is part of the prose).
var latexCommands = map[string]bool{
	"cite": false, "Cite": false, "citep": false, "Citep": false, "citet": true, "Citet": true,
	"citealt": false, "Citealt": false, "citealp": false, "Citealp": false,
	"citeauthor": true, "Citeauthor": true, "citeyear": false, "citeyearpar": false,
	"citenum": false, "citetitle": false, "parencite": false, "Parencite": false,
	"textcite": true, "Textcite": true, "autocite": false, "Autocite": false,
	"footcite": false, "footcitetext": false, "smartcite": false, "Smartcite": false,
	"supercite": false, "fullcite": false, "footfullcite": false, "nocite": false,
	"cites": false, "Cites": false, "parencites": false, "Parencites": false,
	"textcites": true, "Textcites": true, "autocites": false, "Autocites": false,
	"footcites": false, "smartcites": false, "supercites": false,
}

// parseLatex parses a citation command whose backslash is at s[i] and
// returns the index after it; ok is false for other commands and for
// commands without a closed key group.
func parseLatex(s string, i int) (cites []corpus.Cite, narrative bool, end int, ok bool) {
	j := i + 1
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	name := s[i+1 : j]
	narrative, known := latexCommands[name]
	if !known {
		return nil, false, i, false
	}
	if j < len(s) && s[j] == '*' {
		j++
	}
	multi := strings.HasSuffix(name, "cites")
	var globalPre, globalPost string
	if multi {
		// \cites(pre)(post)[pre][post]{a}[post]{b}
		for g := 0; g < 2; g++ {
			k := skipSpace(s, j)
			if k >= len(s) || s[k] != '(' {
				break
			}
			e := matchClose(s, k, '(', ')')
			if e < 0 {
				return nil, false, i, false
			}
			if g == 0 {
				globalPre = s[k+1 : e]
			} else {
				globalPost = s[k+1 : e]
			}
			j = e + 1
		}
		if globalPost == "" && globalPre != "" {
			globalPre, globalPost = "", globalPre
		}
	}
	for {
		var opts [2]string
		nopt := 0
		k := skipSpace(s, j)
		for k < len(s) && s[k] == '[' && nopt < 2 {
			e := matchClose(s, k, '[', ']')
			if e < 0 {
				return nil, false, i, false
			}
			opts[nopt] = s[k+1 : e]
			nopt++
			k = skipSpace(s, e+1)
		}
		if k >= len(s) || s[k] != '{' {
			if len(cites) > 0 {
				break // the options belong to the prose, not to us
			}
			return nil, false, i, false
		}
		e := matchClose(s, k, '{', '}')
		if e < 0 {
			return nil, false, i, false
		}
		pre, post := "", opts[0]
		if nopt == 2 {
			pre, post = opts[0], opts[1]
		}
		first := len(cites)
		for key := range strings.SplitSeq(s[k+1:e], ",") {
			key = strings.TrimSpace(key)
			if key == "" || key == "*" || strings.ContainsAny(key, " {}\\") {
				continue
			}
			cites = append(cites, corpus.Cite{Key: key})
		}
		if len(cites) > first {
			cites[first].Prefix = collapseSpace(pre)
			cites[len(cites)-1].Locator = collapseSpace(post)
		}
		j = e + 1
		if !multi {
			break
		}
		k = skipSpace(s, j)
		if k >= len(s) || (s[k] != '[' && s[k] != '{') {
			break
		}
	}
	if len(cites) == 0 {
		return nil, false, i, false
	}
	if globalPre != "" && cites[0].Prefix == "" {
		cites[0].Prefix = collapseSpace(globalPre)
	}
	if globalPost != "" && cites[len(cites)-1].Locator == "" {
		cites[len(cites)-1].Locator = collapseSpace(globalPost)
	}
	return cites, narrative, j, true
}

// maxDepth bounds bracket nesting; deeper is not prose, and the bound keeps
// a run of opening brackets from costing maxSpan each.
const maxDepth = 8

// matchClose returns the index of the bracket that closes the one at s[i],
// counting nesting of the same kind, or -1 within maxSpan bytes.
func matchClose(s string, i int, open, close byte) int {
	depth := 0
	limit := min(len(s), i+maxSpan)
	for k := i; k < limit; k++ {
		switch s[k] {
		case open:
			if depth++; depth > maxDepth {
				return -1
			}
		case close:
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}
