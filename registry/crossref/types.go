package crossref

import (
	"strings"

	"github.com/evident-tools/evident/registry"
)

// updateTypes maps Crossref's update types (slugged) to the notice kinds of
// package registry. Errata and corrigenda are corrections by another name.
// Partial retractions and removals are kept as their own kinds: a partial
// retraction is not the whole work withdrawn, and a removal (for legal
// reasons) says nothing about the findings.
var updateTypes = map[string]string{
	"retraction":            registry.Retraction,
	"correction":            registry.Correction,
	"erratum":               registry.Correction,
	"corrigendum":           registry.Correction,
	"expression-of-concern": registry.ExpressionOfConcern,
	"withdrawal":            registry.Withdrawal,
}

// updateType returns the notice kind of a Crossref update type
// ("expression_of_concern", or a label such as "Expression of Concern");
// an unknown type is kept, lower-case with '-' ("new-version").
func updateType(t string) string {
	s := slug(t)
	if k, ok := updateTypes[s]; ok {
		return k
	}
	return s
}

// slug writes a Crossref keyword lower-case with '-' between words.
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '_' || r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), "-")
}
