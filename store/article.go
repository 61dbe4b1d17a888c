package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/evident-tools/evident/corpus"
)

// Article is a checked article kept in the library: its source, so that it
// can be checked again when references change, and the report of its last
// check, whose claims the index makes searchable.
//
// The store keeps the report as it is given (corpus.EncodeReport's bytes,
// which carry their schema version) and never looks inside: it does not
// depend on the checker. What it needs to decide which articles a change
// of references concerns is kept beside the report in plain fields.
type Article struct {
	ID   string `json:"id"` // --id, else the path as first given, slash-separated
	Path string `json:"path"`
	// AbsPath is the file's absolute path, cleaned and slash-separated, as
	// of the last add: what identifies the article whatever directory it
	// is added from. Articles stored before evident kept it have "".
	AbsPath string `json:"abs_path,omitempty"`
	// SHA256 is the hex SHA-256 of Source (ContentHash); PutArticle sets
	// it. An article whose file moved is found again by it.
	SHA256 string `json:"sha256,omitempty"`
	// Added is when the article was first stored; zero when that was
	// before evident kept it. Updates and moves keep it.
	Added time.Time `json:"added,omitzero"`
	// MovedFrom is the AbsPath the article had before its file last moved.
	MovedFrom string        `json:"moved_from,omitempty"`
	Title     string        `json:"title,omitempty"`
	Format    corpus.Format `json:"format"`
	Source    []byte        `json:"source"`
	Checked   time.Time     `json:"checked"`
	// Refs are the library keys the article's citations and list entries
	// resolved to; an import or removal touching one of them re-checks it.
	Refs []string `json:"refs"`
	// AllResolved says that every citation and list entry resolved to a
	// library reference, so that a new reference cannot change the
	// article's report. Articles stored before the field existed read as
	// false, which only costs them a re-check.
	AllResolved bool `json:"all_resolved,omitempty"`
	// Report is the last check's report, as corpus.EncodeReport wrote it.
	Report json.RawMessage `json:"report"`
}

// ToRecheck returns the stored articles that references changed in this
// transaction may judge differently, in id order. changedKeys are the keys
// of the references put or deleted (ChangedKeys). An article is returned
// when it cites one of them, or, when any of them is still in the library
// (added or updated), when it has a citation or list entry that resolved
// to nothing: the new reference may be the one it lacked.
func (tx *Tx) ToRecheck(changedKeys []string) ([]*Article, error) {
	if len(changedKeys) == 0 {
		return nil, nil
	}
	changed := make(map[string]bool, len(changedKeys))
	present := false
	for _, k := range changedKeys {
		changed[k] = true
		present = present || tx.has(k)
	}
	var out []*Article
	err := tx.EachArticle(func(a *Article) error {
		if citesAny(a, changed) || (present && !a.AllResolved) {
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

func citesAny(a *Article, keys map[string]bool) bool {
	for _, k := range a.Refs {
		if keys[k] {
			return true
		}
	}
	return false
}

// ContentHash is the hex SHA-256 of an article's source, as kept in
// Article.SHA256.
func ContentHash(source []byte) string {
	sum := sha256.Sum256(source)
	return hex.EncodeToString(sum[:])
}
