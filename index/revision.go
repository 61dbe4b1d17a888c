package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/store"
)

// The library's index directory holds revisions of the index, each a whole
// Bleve index in its own directory, and a file naming the current one:
//
//	index/current        "rev-000012\n"
//	index/rev-000012/    index_meta.json, store/, manifest.json
//
// A revision is never changed once current. A write builds the next
// revision beside it (a copy whose segment files are hard links, since
// Bleve never rewrites a segment, with the changes applied; or a rebuild),
// writes its manifest, and then replaces current by renaming a new file
// over it. So a reader opens a whole revision, old or new, and never waits
// for a writer; a writer killed at any moment leaves the old revision
// current, and the next writer removes what it left.
//
// The manifest records the size, modification time and checksum of every
// file of a revision. A reader compares sizes and times (a stat per file),
// and checksums a file only when its time differs (a copied library): so a
// deleted, truncated, emptied or overwritten file is noticed before Bleve
// maps it, which it does not check.

const (
	currentFile  = "current"
	manifestFile = "manifest.json"
	revPrefix    = "rev-"
)

// ErrNoIndex is returned by OpenRead when the directory holds no index.
var ErrNoIndex = errors.New("no search index")

// errOldLayout wraps ErrNoIndex for an index written before revisions.
var errOldLayout = fmt.Errorf("%w in this layout (it was written by an older evident)", ErrNoIndex)

// ErrDamaged is wrapped by the errors of an index whose files are not as
// they were written, or that Bleve cannot read.
var ErrDamaged = errors.New("search index is damaged")

// recoverDamage turns a panic of Bleve's while it reads an index into an
// error wrapping ErrDamaged: an index whose files check out can still hold
// a page of nonsense that Bleve trusts, and the cure is a rebuild.
func recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", ErrDamaged, r)
	}
}

// legacyFiles are the names of an index written before revisions, with
// the Bleve index directly in the index directory.
var legacyFiles = map[string]bool{"index_meta.json": true, "store": true}

// readCurrent returns the path of the current revision of the index in dir.
func readCurrent(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Stat(filepath.Join(dir, "index_meta.json")); lerr == nil {
			return "", errOldLayout
		}
		return "", fmt.Errorf("%w in %s", ErrNoIndex, dir)
	}
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	name := strings.TrimSpace(string(data))
	if !isRevision(name) {
		return "", fmt.Errorf("%w: %s names no revision (%q)", ErrDamaged, filepath.Join(dir, currentFile), name)
	}
	return filepath.Join(dir, name), nil
}

func isRevision(name string) bool {
	n, ok := strings.CutPrefix(name, revPrefix)
	if !ok || n == "" {
		return false
	}
	_, err := strconv.ParseUint(n, 10, 64)
	return err == nil
}

// newRevision makes an empty directory for the next revision in dir.
func newRevision(dir string) (string, error) {
	if err := checkIndexDir(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	next := uint64(1)
	for _, e := range entries {
		if n, ok := strings.CutPrefix(e.Name(), revPrefix); ok && isRevision(e.Name()) {
			v, _ := strconv.ParseUint(n, 10, 64)
			next = max(next, v+1)
		}
	}
	for ; ; next++ {
		path := filepath.Join(dir, fmt.Sprintf("%s%06d", revPrefix, next))
		err := os.Mkdir(path, 0o755)
		if err == nil {
			return path, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
}

// checkIndexDir refuses a directory that holds anything an index does not:
// a mistyped path must not have evident write, let alone remove, there.
func checkIndexDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if name == currentFile || name == currentFile+".tmp" || isRevision(name) || legacyFiles[name] {
			continue
		}
		return fmt.Errorf("%s holds %s, which is not part of a search index; not touching it", dir, name)
	}
	return nil
}

// publish makes rev the current revision of the index in dir, durably,
// and removes every other revision.
func publish(dir, rev string) error {
	tmp := filepath.Join(dir, currentFile+".tmp")
	if err := writeSynced(tmp, []byte(filepath.Base(rev)+"\n")); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, currentFile)); err != nil {
		return err
	}
	if err := store.SyncDir(dir); err != nil {
		return err
	}
	removeOthers(dir, filepath.Base(rev))
	return nil
}

// removeOthers removes every revision but keep, the files of the older
// layout, and whatever a killed writer left. A reader may still have an old
// revision open: on Unix its files stay readable until it closes them;
// where they cannot be removed while open, they are left for the next
// writer.
func removeOthers(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if name := e.Name(); name != keep && (isRevision(name) || legacyFiles[name] || name == currentFile+".tmp") {
			_ = os.RemoveAll(filepath.Join(dir, name))
		}
	}
}

// discard removes a revision that was never published.
func discard(rev string) {
	_ = os.RemoveAll(rev)
}

func writeSynced(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// copyRevision fills the new revision to with the files of from: segment
// files as hard links (copies where links are not possible), the rest as
// copies, since Bleve writes to them.
func copyRevision(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case rel == manifestFile:
			return nil
		case strings.HasSuffix(rel, ".zap"):
			if err := os.Link(path, dst); err == nil {
				return nil
			}
		}
		return copyFile(path, dst)
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// manifest lists the files of a revision as they were written.
type manifest struct {
	Files []manifestEntry `json:"files"`
}

type manifestEntry struct {
	Name  string `json:"name"` // slash-separated, relative to the revision
	Size  int64  `json:"size"`
	MTime int64  `json:"mtime"` // Unix nanoseconds
	CRC   uint32 `json:"crc32c"`
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeManifest records the files of the closed revision rev. Checksums of
// files that are the same as in prev (hard-linked segments: same size and
// time) are taken from it rather than read again.
func writeManifest(rev string, prev *manifest) error {
	known := map[string]manifestEntry{}
	if prev != nil {
		for _, e := range prev.Files {
			known[e.Name] = e
		}
	}
	var m manifest
	err := filepath.WalkDir(rev, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(rev, path)
		if err != nil || rel == manifestFile {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := manifestEntry{Name: filepath.ToSlash(rel), Size: info.Size(), MTime: info.ModTime().UnixNano()}
		if k, ok := known[e.Name]; ok && k.Size == e.Size && k.MTime == e.MTime {
			e.CRC = k.CRC
		} else if e.CRC, err = fileCRC(path); err != nil {
			return err
		}
		m.Files = append(m.Files, e)
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(m.Files, func(a, b manifestEntry) int { return strings.Compare(a.Name, b.Name) })
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return writeSynced(filepath.Join(rev, manifestFile), data)
}

func fileCRC(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	if _, err := io.Copy(h, f); err != nil {
		return 0, err
	}
	return h.Sum32(), nil
}

// readManifest reads the manifest of rev.
func readManifest(rev string) (*manifest, error) {
	path := filepath.Join(rev, manifestFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is missing", path)
	}
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(m.Files) == 0 {
		return nil, fmt.Errorf("%s lists no files", path)
	}
	return &m, nil
}

// verify checks the files of rev against its manifest. An error wraps
// ErrDamaged and names the first file that differs.
func verify(rev string) (*manifest, error) {
	m, err := readManifest(rev)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	for _, e := range m.Files {
		path := filepath.Join(rev, filepath.FromSlash(e.Name))
		info, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%w: %s is missing", ErrDamaged, path)
		case err != nil:
			return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
		case info.Size() != e.Size:
			return nil, fmt.Errorf("%w: %s is %d bytes, was written with %d", ErrDamaged, path, info.Size(), e.Size)
		case info.ModTime().UnixNano() != e.MTime:
			// Changed since it was written, or only copied: the contents
			// decide.
			sum, err := fileCRC(path)
			if err != nil {
				return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
			}
			if sum != e.CRC {
				return nil, fmt.Errorf("%w: %s has changed since it was written", ErrDamaged, path)
			}
		}
	}
	return m, nil
}
