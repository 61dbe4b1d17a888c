package store

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
)

// Tx is one write transaction, valid only inside the function given to
// Store.Update.
//
// Writes are staged in memory and handed to bbolt in key order when the
// function returns. bbolt does not split a node until commit, so keys put in
// random order into a new or small bucket each shift one ever-growing node:
// a 100,000-reference first import took 24 s that way, and takes a few
// seconds in key order. Reads in the transaction see the staged writes.
type Tx struct {
	// sh turns bbolt's panics on a damaged file into errors; every read of
	// bbolt from a method that the caller may call goes through it. The
	// first such error is kept in err, and Update returns it whatever fn
	// says: methods without an error result return their zero value then.
	sh   *shield
	err  error
	btx  *bolt.Tx
	refs *bolt.Bucket
	// staged maps a reference key to its encoded value, or to nil when the
	// reference is deleted.
	staged map[string][]byte
	// put and deleted are the keys of the references written to bbolt
	// before the commit (flushRefs, for Tx.RefIndex), in key order.
	put, deleted []string
	doi          index
	fp           index
	// articles is the articles bucket and stagedArticles its staged writes,
	// like refs and staged.
	articles       *bolt.Bucket
	stagedArticles map[string][]byte
	// alias is the alias bucket and stagedAlias its staged writes: alias
	// to reference key, or nil when the alias goes.
	alias       *bolt.Bucket
	stagedAlias map[string][]byte
	// artPath and artHash index articles by absolute path and content.
	artPath index
	artHash index
	// reviews is the reviews bucket and stagedReviews its staged writes
	// ("article\x00finding" to the encoded mark, nil to remove it).
	reviews       *bolt.Bucket
	stagedReviews map[string][]byte
	// texts is the texts bucket and stagedTexts its staged writes (the
	// encoded text, nil to remove it): texts.go.
	texts       *bolt.Bucket
	stagedTexts map[string][]byte
	// terms is the resolution index (terms.go), termCount and near what
	// follows from it.
	terms     index
	words     index
	termCount *bolt.Bucket
	near      *bolt.Bucket
}

func newTx(btx *bolt.Tx, sh *shield) *Tx {
	b := func(name []byte) *bolt.Bucket { return packed(btx.Bucket(name)) }
	ix := func(name []byte) index {
		return index{sh: sh, b: b(name), staged: make(map[string]map[string]bool)}
	}
	return &Tx{
		sh:     sh,
		btx:    btx,
		refs:   b(bucketRefs),
		staged: make(map[string][]byte),
		doi:    ix(bucketDOI),
		fp:     ix(bucketFP),

		articles:       b(bucketArticles),
		stagedArticles: make(map[string][]byte),
		alias:          b(bucketAlias),
		stagedAlias:    make(map[string][]byte),
		artPath:        ix(bucketArtPath),
		artHash:        ix(bucketArtHash),
		reviews:        b(bucketReviews),
		stagedReviews:  make(map[string][]byte),
		texts:          b(bucketTexts),
		stagedTexts:    make(map[string][]byte),
		terms:          ix(bucketTerms),
		words:          ix(bucketWords),
		termCount:      b(bucketTermCount),
		near:           b(bucketNear),
	}
}

// value returns the encoded reference under key as the transaction sees it,
// or nil. A stored value is copied out of bbolt's map under the shield, so
// that reading it later cannot fault on a damaged file.
func (tx *Tx) value(key string) ([]byte, error) {
	if v, ok := tx.staged[key]; ok {
		return v, nil
	}
	var v []byte
	err := tx.sh.do("read reference "+key, func() error {
		v = bytes.Clone(tx.refs.Get([]byte(key)))
		return nil
	})
	return v, tx.fail(err)
}

// fail keeps the first error of a bbolt read and returns err.
func (tx *Tx) fail(err error) error {
	if err != nil && tx.err == nil {
		tx.err = err
	}
	return err
}

// Get returns the reference stored under key, as this transaction sees it,
// or an error wrapping ErrNotFound.
func (tx *Tx) Get(key string) (*corpus.Reference, error) {
	v, err := tx.value(key)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, fmt.Errorf("reference %s: %w", key, ErrNotFound)
	}
	r, err := decode(tx.sh.path, []byte(key), v)
	return r, tx.fail(err)
}

// has reports whether a reference is stored under key, without decoding it.
func (tx *Tx) has(key string) bool {
	v, _ := tx.value(key)
	return v != nil
}

// Put stores r under r.Key, replacing any reference stored there, and keeps
// the DOI, fingerprint and alias indexes in step. Writing a reference
// identical to the stored one changes nothing and is not reported in
// Changes. A key names one reference: r.Key must not be another
// reference's alias, and r.Aliases must be neither keys nor aliases of
// other references.
func (tx *Tx) Put(r *corpus.Reference) error {
	if r == nil {
		return errors.New("put: nil reference")
	}
	if err := checkKey(r.Key); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	if err := tx.checkAliases(r); err != nil {
		return fmt.Errorf("put %s: %w", r.Key, err)
	}
	v, err := encode(r)
	if err != nil {
		return fmt.Errorf("put %s: %w", r.Key, err)
	}
	old, err := tx.value(r.Key)
	if err != nil {
		return err
	}
	if old != nil {
		if bytes.Equal(old, v) {
			// An attached file may have changed all the same.
			return tx.putText(r, true)
		}
		prev, err := decode(tx.sh.path, []byte(r.Key), old)
		if err != nil {
			return err
		}
		tx.setIndexes(prev, false)
	}
	tx.staged[r.Key] = v
	tx.setIndexes(r, true)
	return tx.putText(r, false)
}

// addAlias makes alias, a key that names nothing, an alias of the stored
// reference key. Only the reference's value and its alias terms change, so
// its other index entries and its text are left alone: Put would take
// them all out and work them out again, which cost a third of importing a
// file whose duplicates outnumber its works four to one (bench/RESULTS.md,
// "Fifth round").
func (tx *Tx) addAlias(key, alias string) error {
	r, err := tx.Get(key)
	if err != nil {
		return err
	}
	if err := tx.checkAlias(key, alias); err != nil {
		return fmt.Errorf("alias %s of %s: %w", alias, key, err)
	}
	r.Aliases = append(r.Aliases, alias)
	v, err := encode(r)
	if err != nil {
		return fmt.Errorf("alias %s of %s: %w", alias, key, err)
	}
	tx.staged[key] = v
	tx.stagedAlias[alias] = []byte(key)
	for _, t := range resolve.AliasTerms(alias) {
		tx.terms.set(termKey(t.Field, t.Value), key, true)
	}
	return nil
}

// Delete removes the reference stored under key and its index entries, or
// returns an error wrapping ErrNotFound.
func (tx *Tx) Delete(key string) error {
	prev, err := tx.Get(key)
	if err != nil {
		return err
	}
	tx.setIndexes(prev, false)
	tx.staged[key] = nil
	tx.stagedTexts[key] = nil
	return nil
}

// checkAliases refuses a reference whose key or aliases would name two
// references.
func (tx *Tx) checkAliases(r *corpus.Reference) error {
	if k := tx.KeyByAlias(r.Key); k != "" && k != r.Key {
		return fmt.Errorf("the key is an alias of %s", k)
	}
	for _, a := range r.Aliases {
		if err := tx.checkAlias(r.Key, a); err != nil {
			return err
		}
	}
	return nil
}

// checkAlias refuses a as an alias of the reference key when a is a key
// or another reference's alias.
func (tx *Tx) checkAlias(key, a string) error {
	if err := checkKey(a); err != nil {
		return fmt.Errorf("alias: %w", err)
	}
	if a == key || tx.has(a) {
		return fmt.Errorf("alias %s is a reference's key", a)
	}
	if k := tx.KeyByAlias(a); k != "" && k != key {
		return fmt.Errorf("alias %s is an alias of %s already", a, k)
	}
	return nil
}

// KeyByAlias returns the key of the reference that alias is an alias of,
// or "" if it is none's.
func (tx *Tx) KeyByAlias(alias string) string {
	if v, ok := tx.stagedAlias[alias]; ok {
		return string(v)
	}
	var k string
	err := tx.sh.do("look up an alias", func() error {
		k = string(tx.alias.Get([]byte(alias)))
		return nil
	})
	tx.fail(err)
	return k
}

// taken reports whether key names a reference, as its key or an alias.
func (tx *Tx) taken(key string) bool {
	return tx.has(key) || tx.KeyByAlias(key) != ""
}

// KeyByDOI returns the key of a reference with the given normalised DOI, or
// "" if there is none. When several share it, the first in key order wins.
func (tx *Tx) KeyByDOI(doi string) string {
	k, err := tx.doi.lookup(doi)
	tx.fail(err)
	return k
}

// KeyByFingerprint returns the key of a reference whose corpus.Fingerprint is
// fp, or "" if there is none. When several share it, the first in key order
// wins.
func (tx *Tx) KeyByFingerprint(fp string) string {
	k, err := tx.fp.lookup(fp)
	tx.fail(err)
	return k
}

func (tx *Tx) setIndexes(r *corpus.Reference, present bool) {
	tx.doi.set(r.IDs.DOI, r.Key, present)
	tx.fp.set(corpus.Fingerprint(r), r.Key, present)
	tx.setTerms(r, present)
	for _, a := range r.Aliases {
		switch {
		case present:
			tx.stagedAlias[a] = []byte(r.Key)
		case tx.KeyByAlias(a) == r.Key:
			tx.stagedAlias[a] = nil
		}
	}
}

// flush writes the staged changes to bbolt in key order and reports the
// references and articles that really changed: a reference put back as it
// was, or put and deleted again, is no change.
func (tx *Tx) flush() (Changes, error) {
	var ch Changes
	var err error
	if err := tx.flushRefs(); err != nil {
		return Changes{}, err
	}
	ch.Put, ch.Deleted = tx.put, tx.deleted
	if ch.Articles, ch.ArticlesDeleted, err = flushBucket(tx.articles, tx.stagedArticles); err != nil {
		return Changes{}, fmt.Errorf("articles: %w", err)
	}
	if err := tx.artPath.flush(); err != nil {
		return Changes{}, fmt.Errorf("article path index: %w", err)
	}
	if err := tx.artHash.flush(); err != nil {
		return Changes{}, fmt.Errorf("article hash index: %w", err)
	}
	texts, textsGone, err := flushBucket(tx.texts, tx.stagedTexts)
	if err != nil {
		return Changes{}, fmt.Errorf("texts: %w", err)
	}
	ch.Texts = textOnly(append(texts, textsGone...), ch.Put, ch.Deleted)
	put, deleted, err := flushBucket(tx.reviews, tx.stagedReviews)
	if err != nil {
		return Changes{}, fmt.Errorf("review marks: %w", err)
	}
	ch.Reviews = len(put) + len(deleted)
	return ch, nil
}

// flushBucket writes staged values (nil: delete) to b in key order and
// returns the keys whose stored value really changed.
func flushBucket(b *bolt.Bucket, staged map[string][]byte) (put, deleted []string, err error) {
	for _, k := range slices.Sorted(maps.Keys(staged)) {
		v, bk := staged[k], []byte(k)
		cur := b.Get(bk)
		switch {
		case v == nil && cur != nil:
			if err := b.Delete(bk); err != nil {
				return nil, nil, fmt.Errorf("delete %s: %w", k, err)
			}
			deleted = append(deleted, k)
		case v != nil && !bytes.Equal(v, cur):
			if err := b.Put(bk, v); err != nil {
				return nil, nil, fmt.Errorf("put %s: %w", k, err)
			}
			put = append(put, k)
		}
	}
	return put, deleted, nil
}

// changed returns the keys of b whose staged value differs from the stored
// one, in key order: what flushBucket would report, without writing.
func changed(sh *shield, b *bolt.Bucket, staged map[string][]byte) ([]string, error) {
	var out []string
	err := sh.do("compare staged writes", func() error {
		for _, k := range slices.Sorted(maps.Keys(staged)) {
			v, cur := staged[k], b.Get([]byte(k))
			if (v == nil) != (cur == nil) || !bytes.Equal(v, cur) {
				out = append(out, k)
			}
		}
		return nil
	})
	return out, err
}

// eachStaged calls fn for every key and value of b as a transaction sees
// it, its staged writes laid over the bucket, in key order. fn runs under
// the shield: it must be the store's own code, and must not keep the value
// past its return.
func eachStaged(sh *shield, b *bolt.Bucket, staged map[string][]byte, fn func(k, v []byte) error) error {
	return sh.do("read a bucket", func() error { return eachStagedIn(b, staged, fn) })
}

func eachStagedIn(b *bolt.Bucket, staged map[string][]byte, fn func(k, v []byte) error) error {
	keys := slices.Sorted(maps.Keys(staged))
	i := 0
	emit := func(k string) error {
		if v := staged[k]; v != nil {
			return fn([]byte(k), v)
		}
		return nil
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		for ; i < len(keys) && keys[i] < string(k); i++ {
			if err := emit(keys[i]); err != nil {
				return err
			}
		}
		if i < len(keys) && keys[i] == string(k) {
			if err := emit(keys[i]); err != nil {
				return err
			}
			i++
			continue
		}
		if err := fn(k, v); err != nil {
			return err
		}
	}
	for ; i < len(keys); i++ {
		if err := emit(keys[i]); err != nil {
			return err
		}
	}
	return nil
}

// index is a secondary index bucket with its staged entries. An entry's
// bbolt key is value, NUL, reference key, and its bbolt value is empty: the
// Keep policy lets several references share a DOI or a fingerprint, and each
// must be able to leave the index without disturbing the others.
type index struct {
	sh *shield
	b  *bolt.Bucket
	// staged maps value → reference key → whether the entry is to be present.
	staged map[string]map[string]bool
}

func (ix *index) set(value, key string, present bool) {
	if !indexable(value) {
		return
	}
	m := ix.staged[value]
	if m == nil {
		m = make(map[string]bool, 1)
		ix.staged[value] = m
	}
	m[key] = present
}

// lookup returns the first reference key in key order indexed under value,
// counting staged entries.
func (ix *index) lookup(value string) (key string, err error) {
	if !indexable(value) {
		return "", nil
	}
	err = ix.sh.do("look up the index", func() error {
		key = ix.lookupIn(value)
		return nil
	})
	return key, err
}

// lookupAll returns every key indexed under value, counting staged
// entries, in key order.
func (ix *index) lookupAll(value string) (keys []string, err error) {
	if !indexable(value) {
		return nil, nil
	}
	err = ix.sh.do("look up the index", func() error {
		keys = ix.lookupAllIn(value)
		return nil
	})
	return keys, err
}

func (ix *index) lookupAllIn(value string) []string {
	staged := ix.staged[value]
	var keys []string
	for k, present := range staged {
		if present {
			keys = append(keys, k)
		}
	}
	prefix := indexKey(value, "")
	c := ix.b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		key := string(k[len(prefix):])
		if _, ok := staged[key]; !ok {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	return keys
}

func (ix *index) lookupIn(value string) string {
	staged := ix.staged[value]
	best := ""
	for k, present := range staged {
		if present && (best == "" || k < best) {
			best = k
		}
	}
	prefix := indexKey(value, "")
	c := ix.b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		key := string(k[len(prefix):])
		if present, ok := staged[key]; ok && !present {
			continue
		}
		if best == "" || key < best {
			best = key
		}
		break
	}
	return best
}

// stagedEntry is a staged index entry: its bbolt key, and whether it is
// to be present.
type stagedEntry struct {
	k       []byte
	present bool
}

// write puts the entry's key into b, or deletes it, as staged.
func (e stagedEntry) write(b *bolt.Bucket) error {
	if e.present {
		return b.Put(e.k, nil)
	}
	return b.Delete(e.k)
}

// sorted returns the staged entries in bbolt key order, the order in
// which bbolt takes writes fastest.
func (ix *index) sorted() []stagedEntry {
	entries := make([]stagedEntry, 0, len(ix.staged))
	for value, m := range ix.staged {
		for key, present := range m {
			entries = append(entries, stagedEntry{indexKey(value, key), present})
		}
	}
	slices.SortFunc(entries, func(a, b stagedEntry) int { return bytes.Compare(a.k, b.k) })
	return entries
}

func (ix *index) flush() error {
	entries := ix.sorted()
	ix.staged = make(map[string]map[string]bool)
	for _, e := range entries {
		if err := e.write(ix.b); err != nil {
			return err
		}
	}
	return nil
}

// indexKey joins an indexed value and a reference key with a NUL, which
// neither a normalised DOI, a fingerprint nor a citation key contains.
func indexKey(value, key string) []byte {
	b := make([]byte, 0, len(value)+1+len(key))
	b = append(b, value...)
	b = append(b, 0)
	return append(b, key...)
}

// maxKeyLen and maxIndexLen keep index keys (value, NUL, key) under bbolt's
// 32 KiB limit; no real citation key, DOI or title comes near them. A longer
// DOI or fingerprint is left out of its index rather than failing the import.
const (
	maxKeyLen   = 1024
	maxIndexLen = 16 * 1024
)

func indexable(value string) bool {
	return value != "" && len(value) <= maxIndexLen && strings.IndexByte(value, 0) < 0
}

func checkKey(key string) error {
	return checkName(key, "key", "reference has no key", maxKeyLen)
}

// checkName holds a name the store keys a value by (a reference key, an
// article id, a finding id) to what bbolt and the indexes take: not empty
// (none says so), at most max bytes, no NUL.
func checkName(s, what, none string, max int) error {
	switch {
	case s == "":
		return errors.New(none)
	case len(s) > max:
		return fmt.Errorf("%s %.40s... is longer than %d bytes", what, s, max)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Errorf("%s %q contains a NUL byte", what, s)
	}
	return nil
}
