package registry

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// AuthorOf returns the library's name as a record's author, the inverse of
// Author.Name: a particle joins the family name ("van der Berg"), as
// readers cite it, and a suffix follows the given names ("John Jr."),
// since Author has no place of its own for it.
func AuthorOf(n corpus.Name) Author {
	if n.Literal != "" {
		return Author{Literal: n.Literal}
	}
	return Author{Family: n.Family(), Given: strings.TrimSpace(n.First + " " + n.Jr)}
}
