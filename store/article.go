package store

import (
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// Article is a checked article kept in the library: its source, so that it
// can be checked again when references change, and the report of its last
// check, whose claims the index makes searchable.
type Article struct {
	ID      string        `json:"id"` // --id, else the path as given, slash-separated
	Path    string        `json:"path"`
	Title   string        `json:"title,omitempty"`
	Format  corpus.Format `json:"format"`
	Source  []byte        `json:"source"`
	Checked time.Time     `json:"checked"`
	// Refs are the library keys the article's citations and list entries
	// resolved to; an import or removal touching one of them re-checks it.
	Refs   []string      `json:"refs"`
	Report *check.Report `json:"report"`
}
