package check

import (
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// The codes of an article whose numbered citations have no list to point
// into: one finding for the whole article instead of one per marker.
const (
	// CodeEmptyRefList: a reference-list heading with no entries under it
	// (or only text that is no reference: a page footer, author bios).
	CodeEmptyRefList = "empty-reference-list"
	// CodeMissingRefList: numbered citations and no reference list at all.
	CodeMissingRefList = "missing-reference-list"
)

// orphan is a numbered marker of an article that has no reference list.
type orphan struct {
	marker string
	line   int
}

// maxOrphansNamed is how many markers the finding names before it says
// "and N more".
const maxOrphansNamed = 12

// noList reports, once, that the article's numbered citations point
// nowhere because its reference list is empty or missing, naming the
// markers. Their citations stay dangling in the claims.
func (rep *state) noList(doc *corpus.Document, orphans []orphan) {
	if len(orphans) == 0 {
		return
	}
	var named []string
	seen := map[string]bool{}
	distinct := 0
	for _, o := range orphans {
		if seen[o.marker] {
			continue
		}
		seen[o.marker] = true
		distinct++
		if len(named) < maxOrphansNamed {
			named = append(named, fmt.Sprintf("%s (%s)", o.marker, doc.Positions.Name(o.line)))
		}
	}
	list := strings.Join(named, ", ")
	if distinct > len(named) {
		list += fmt.Sprintf(" and %d more", distinct-len(named))
	}
	n := len(orphans)
	what := fmt.Sprintf("%d numbered %s %s nowhere", n, plural(n, "citation", "citations"), plural(n, "points", "point"))
	if doc.RefListHeading != "" {
		rep.add(CodeEmptyRefList, doc.RefListPos.Line, "", "",
			fmt.Sprintf("%s: the reference list under %s is empty: %s", what, quote(doc.RefListHeading), list))
		return
	}
	rep.add(CodeMissingRefList, orphans[0].line, "", "", fmt.Sprintf("%s: the article has no reference list: %s", what, list))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
