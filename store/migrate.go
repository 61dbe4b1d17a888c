package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Upgrade is what opening did to bring a library written by an older
// evident up to date (Store.Upgraded).
type Upgrade struct {
	// From and To are the schema versions before and after; From is 0
	// when the library was up to date or new.
	From, To uint64
	// Hashed is how many stored articles got their content hash.
	Hashed int
	// Texts is how many works got their text (schema 6).
	Texts int
	// Indexed is how many references got their resolution index entries.
	Indexed int
	// Reencoded is how many references were rewritten in the compact
	// encoding.
	Reencoded int
	// Near is how many keys and first-author names got their near-miss
	// entries again, as posting lists, when the title words moved to
	// theirs (schema 9).
	Near int
}

// upgrades[v-1] brings a library from schema v to v+1. They run in order,
// from the version found to SchemaVersion, in the one transaction that
// sets the new version, so that a crash (even kill -9) leaves the library
// at the old version or the new one, never between. prepare has created
// every bucket of the current schema before the first runs.
var upgrades = []func(path string, btx *bolt.Tx, u *Upgrade) error{
	// 1 → 2: the alias bucket, which prepare creates. Version 1 kept no
	// aliases, so the empty bucket is up to date.
	func(string, *bolt.Tx, *Upgrade) error { return nil },
	// 2 → 3: Article.SHA256 and the article path and hash indexes.
	indexArticles,
	// 3 → 4: the registry cache and retractions buckets, which prepare
	// creates empty; nothing was fetched before.
	func(string, *bolt.Tx, *Upgrade) error { return nil },
	// 4 → 5: the reviews bucket, which prepare creates empty; nobody could
	// mark a finding before.
	func(string, *bolt.Tx, *Upgrade) error { return nil },
	// 5 → 6: the texts bucket, filled with each work's text (texts.go).
	buildTexts,
	// 6 → 7: the resolution indexes, built from every reference.
	buildTerms,
	// 7 → 8: references in the compact encoding (refcodec.go).
	reencode,
	// 8 → 9: the near-miss index and the title words as posting lists
	// (postings.go).
	func(path string, btx *bolt.Tx, u *Upgrade) error {
		if err := moveWords(path, btx, u); err != nil {
			return err
		}
		return rebuildNear(path, btx, u)
	},
}

// upgrade brings a library at schema from (1 or later) up to SchemaVersion
// inside btx.
func upgrade(path string, btx *bolt.Tx, from uint64) (Upgrade, error) {
	u := Upgrade{From: from, To: SchemaVersion}
	for v := from; v < SchemaVersion; v++ {
		if err := upgrades[v-1](path, btx, &u); err != nil {
			return Upgrade{}, fmt.Errorf("upgrade the library from schema %d to %d: %w", v, v+1, err)
		}
	}
	return u, nil
}

// indexArticles brings the articles of a library up to schema 3: each
// article gets its SHA256 and its entry in the hash index. They have no
// AbsPath (earlier versions kept only the path as given, relative to a
// directory nobody recorded), so the path index stays empty until each is
// added again.
func indexArticles(path string, btx *bolt.Tx, u *Upgrade) error {
	arts := btx.Bucket(bucketArticles)
	hashes := btx.Bucket(bucketArtHash)
	paths := btx.Bucket(bucketArtPath)
	type entry struct{ k, v []byte }
	var all []entry
	// bbolt forbids writing to a bucket while a cursor walks it.
	if err := arts.ForEach(func(k, v []byte) error {
		all = append(all, entry{bytes.Clone(k), bytes.Clone(v)})
		return nil
	}); err != nil {
		return err
	}
	for _, e := range all {
		a, err := decodeArticle(path, e.k, e.v)
		if err != nil {
			return err
		}
		a.SHA256 = ContentHash(a.Source)
		v, err := encodeArticle(a)
		if err != nil {
			return fmt.Errorf("article %s: %w", e.k, err)
		}
		if err := arts.Put(e.k, v); err != nil {
			return err
		}
		if err := hashes.Put(indexKey(a.SHA256, string(e.k)), nil); err != nil {
			return err
		}
		if indexable(a.AbsPath) {
			if err := paths.Put(indexKey(a.AbsPath, string(e.k)), nil); err != nil {
				return err
			}
		}
	}
	u.Hashed = len(all)
	return nil
}

// reencode rewrites every reference in the compact encoding, a batch at a
// time: bbolt forbids writing to a bucket while a cursor walks it.
func reencode(path string, btx *bolt.Tx, u *Upgrade) error {
	refs := btx.Bucket(bucketRefs)
	type entry struct{ k, v []byte }
	var after []byte
	for {
		var batch []entry
		c := refs.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
				k, v = c.Next()
			}
		}
		for ; k != nil && len(batch) < 10000; k, v = c.Next() {
			batch = append(batch, entry{bytes.Clone(k), bytes.Clone(v)})
		}
		if len(batch) == 0 {
			return nil
		}
		for _, e := range batch {
			r, err := decode(path, e.k, e.v)
			if err != nil {
				return err
			}
			v, err := encode(r)
			if err != nil {
				return fmt.Errorf("reference %s: %w", e.k, err)
			}
			if err := refs.Put(e.k, v); err != nil {
				return err
			}
		}
		u.Reencoded += len(batch)
		after = batch[len(batch)-1].k
	}
}
