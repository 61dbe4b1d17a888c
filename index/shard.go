package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// A revision of a library's index is split into shards, each a Bleve
// index of its own in rev-N/shard-I, and searched through a Bleve index
// alias. A document lives in the shard its owner's key hashes to (a
// reference and its passages by the reference's key, a claim by its
// article's ID), so that a replace or delete goes to the shard that holds
// it without asking the others. Shards are built side by side: Bleve
// builds each batch's segment on one core, and merges a shard's segments
// on one core too, so that two shards can keep two cores busy where one
// index leaves the second idle for part of a build. The first shard keeps the
// index's own values (generation, mapping fingerprint).
//
// The number of shards is fixed when a revision is built; a revision
// records it only by the directories it holds. ShardsEnv changes it for
// the next rebuild (evident reindex), for measuring; docs/scale.md has the
// figures behind the default.

// ShardsEnv names the environment variable that sets how many shards a
// rebuilt index has (1 to 16).
const ShardsEnv = "EVIDENT_INDEX_SHARDS"

// defaultShards is the number of shards of a rebuilt index of fewer than
// shardedFrom references, or on a machine of one core.
const defaultShards = 1

// shardedFrom is the size of library from which a rebuilt index gets
// largeShards shards when the machine has the cores. Two shards close
// (merge their segments) side by side, so that the final merge of a
// build takes half as long; on the 2-core machine of docs/scale.md,
// quiet, a 100,000-reference import (--on-duplicate keep, every reference
// stored) took 21.7 s (median of seven) against
// 24.6 s with one shard closed after the other, for 5% more CPU time, and
// 10,000 references 2.2-2.3 s against 2.6 s, with a higher build peak
// (230 MB against 145 MB, under the import's). Below it the second
// shard's files and reader are not worth it.
const shardedFrom = 10_000

// largeShards is the number of shards of a large library's index.
const largeShards = 2

// maxShards bounds ShardsEnv.
const maxShards = 16

// shardPrefix begins the name of a shard's directory in a revision.
const shardPrefix = "shard-"

// shardCount returns the number of shards a new revision of an index of
// size references gets: ShardsEnv's, else largeShards for a large library
// on a machine of several cores, else defaultShards.
func shardCount(size int) int {
	if n, err := strconv.Atoi(os.Getenv(ShardsEnv)); err == nil && n >= 1 && n <= maxShards {
		return n
	}
	if size >= shardedFrom && runtime.NumCPU() >= largeShards {
		return largeShards
	}
	return defaultShards
}

func shardDir(rev string, i int) string {
	return filepath.Join(rev, shardPrefix+strconv.Itoa(i))
}

// shardDirs returns the directories of the n shards of the revision rev,
// or rev itself when n is 0 (one Bleve index in rev, as before shards).
func shardDirs(rev string, n int) []string {
	if n == 0 {
		return []string{rev}
	}
	dirs := make([]string, n)
	for i := range dirs {
		dirs[i] = shardDir(rev, i)
	}
	return dirs
}

// owner returns what decides a document's shard: the key of a reference
// ("ref:KEY"), the work of a passage ("passage:KEY#3"), the article of a
// claim ("claim:ARTICLE#c12").
func owner(docID string) string {
	typ, rest, _ := strings.Cut(docID, ":")
	if typ == typeRef {
		return rest
	}
	if i := strings.LastIndexByte(rest, '#'); i >= 0 {
		return rest[:i]
	}
	return rest
}

// shardOf returns the shard of the document with docID among n.
func shardOf(docID string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(owner(docID)))
	return int(h.Sum32() % uint32(n))
}

// countShards returns how many shard directories rev holds: 0 for an
// index written before shards, with Bleve's files in rev itself.
func countShards(rev string) (int, error) {
	n := 0
	for {
		_, err := os.Stat(shardDir(rev, n))
		if errors.Is(err, fs.ErrNotExist) {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		n++
	}
}

// newIndex returns an Index over shards: searches go through an alias of
// them, which gathers the hits of every shard, unless there is one.
func newIndex(shards []bleve.Index, m mapping.IndexMapping) *Index {
	if len(shards) == 1 {
		return &Index{b: shards[0], shards: shards}
	}
	alias := bleve.NewIndexAlias(shards...)
	// Every shard has the same mapping: said once, the alias analyses
	// queries with it rather than asking each shard.
	if s, ok := any(alias).(interface {
		SetIndexMapping(mapping.IndexMapping) error
	}); ok && m != nil {
		_ = s.SetIndexMapping(m)
	}
	return &Index{b: alias, shards: shards}
}

// closeShards closes every shard and returns the first error.
func closeShards(shards []bleve.Index) error {
	var first error
	for _, s := range shards {
		if err := s.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// readers holds a reader of every shard's current snapshot, in shard
// order.
type readers []bleveindex.IndexReader

// readers opens a reader of every shard; close them when done.
func (ix *Index) readers() (readers, error) {
	rs := make(readers, 0, len(ix.shards))
	for _, s := range ix.shards {
		adv, err := s.Advanced()
		if err == nil {
			var r bleveindex.IndexReader
			if r, err = adv.Reader(); err == nil {
				rs = append(rs, r)
				continue
			}
		}
		rs.Close()
		return nil, err
	}
	return rs, nil
}

// Close closes every reader.
func (rs readers) Close() {
	for _, r := range rs {
		r.Close()
	}
}

// Document returns the stored fields of the document with id, from the
// shard it lives in; nil when there is none.
func (rs readers) Document(id string) (bleveindex.Document, error) {
	return rs[shardOf(id, len(rs))].Document(id)
}

// DocCount returns the number of documents of every shard.
func (rs readers) DocCount() (uint64, error) {
	var n uint64
	for _, r := range rs {
		c, err := r.DocCount()
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// countTerm returns how many documents of every shard have term in field.
func (rs readers) countTerm(ctx context.Context, field, term string) (uint64, error) {
	var n uint64
	for _, r := range rs {
		c, err := countTerm(ctx, r, field, term)
		if err != nil {
			return 0, err
		}
		n += c
	}
	return n, nil
}

// docsWith returns the IDs of the documents of every shard that have term
// in field.
func (rs readers) docsWith(field, term string) ([]string, error) {
	var ids []string
	for _, r := range rs {
		var external error
		err := eachDoc(r, term, field, func(iid string) {
			if external != nil {
				return
			}
			var docID string
			docID, external = r.ExternalID(bleveindex.IndexInternalID(iid))
			ids = append(ids, docID)
		})
		if err == nil {
			err = external
		}
		if err != nil {
			return nil, fmt.Errorf("shard: %w", err)
		}
	}
	return ids, nil
}
