package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// salvageFixture is a library with a history: references added, some
// changed, some removed, so that freed pages hold older copies.
type salvageFixture struct {
	path     string
	current  map[string]string          // key → JSON of the reference stored now
	versions map[string]map[string]bool // key → JSON of every version ever stored
	pages    map[string][]int           // page type → ids, as bbolt reports them
	used     int64                      // bytes of the file in use
}

func refJSON(t *testing.T, r *corpus.Reference) string {
	t.Helper()
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func newSalvageFixture(t *testing.T, n int) *salvageFixture {
	t.Helper()
	fx := &salvageFixture{path: filepath.Join(t.TempDir(), "library.db"), versions: map[string]map[string]bool{}}
	s, err := Open(fx.path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	refs := synthRefs(n, 0)
	if _, err := s.Update(func(tx *Tx) error {
		_, err := tx.Merge(refs, Keep)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	record := func() {
		if err := s.Each(func(r *corpus.Reference) error {
			fx.addVersion(t, r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	record()
	// Change every tenth, remove every fifteenth: whole leaf pages are
	// copied on write and their old copies freed.
	if _, err := s.Update(func(tx *Tx) error {
		for i, r := range refs {
			switch {
			case i%10 == 3:
				c, err := tx.Get(r.Key)
				if err != nil {
					return err
				}
				c.Title += " (corrected)"
				if err := tx.Put(c); err != nil {
					return err
				}
			case i%15 == 7:
				if err := tx.Delete(r.Key); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Every version ever stored is one Salvage may find on some page.
	record()
	if err := s.db.View(func(btx *bolt.Tx) error {
		c := btx.Bucket(bucketRefs).Cursor()
		fx.current = map[string]string{}
		for k, v := c.First(); k != nil; k, v = c.Next() {
			r, err := decode(fx.path, k, v)
			if err != nil {
				return err
			}
			fx.current[string(k)] = refJSON(t, r)
		}
		fx.used = btx.Size()
		fx.pages = map[string][]int{}
		for id := 2; ; id++ {
			p, err := btx.Page(id)
			if err != nil || p == nil {
				return err
			}
			fx.pages[p.Type] = append(fx.pages[p.Type], id)
		}
	}); err != nil {
		t.Fatal(err)
	}
	return fx
}

func (fx *salvageFixture) addVersion(t *testing.T, r *corpus.Reference) {
	if fx.versions[r.Key] == nil {
		fx.versions[r.Key] = map[string]bool{}
	}
	fx.versions[r.Key][refJSON(t, r)] = true
}

// keysOn returns the current keys whose text appears in the given bytes:
// the references a destroyed page may have held.
func (fx *salvageFixture) keysOn(data []byte) map[string]bool {
	out := map[string]bool{}
	for k := range fx.current {
		if bytes.Contains(data, []byte(k)) {
			out[k] = true
		}
	}
	return out
}

// destroy overwrites pages with garbage and returns what they held.
func (fx *salvageFixture) destroy(t *testing.T, ids ...int) []byte {
	t.Helper()
	data, err := os.ReadFile(fx.path)
	if err != nil {
		t.Fatal(err)
	}
	var was []byte
	garbage := bytes.Repeat([]byte("\xba\xdd\xec\xaf"), 1024)
	for _, id := range ids {
		was = append(was, data[id*4096:(id+1)*4096]...)
		overwritePage(t, fx.path, id, garbage)
	}
	return was
}

// check salvages the library and checks what came back: nothing that was
// never stored, the current version of every reference not marked
// uncertain, and no current reference missing except those allowed.
func (fx *salvageFixture) check(t *testing.T, mayLose map[string]bool) *SalvageReport {
	t.Helper()
	before := fileSum(t, fx.path)
	refs, rep, err := Salvage(fx.path)
	if err != nil {
		t.Fatal(err)
	}
	if fileSum(t, fx.path) != before {
		t.Fatal("Salvage changed the file")
	}
	if rep.References != len(refs) {
		t.Errorf("report says %d references, got %d", rep.References, len(refs))
	}
	got := map[string]bool{}
	uncertain := map[string]bool{}
	for _, k := range rep.Uncertain {
		uncertain[k] = true
	}
	var keys []string
	for _, r := range refs {
		keys = append(keys, r.Key)
		got[r.Key] = true
		js := refJSON(t, r)
		switch {
		case uncertain[r.Key]:
			if !fx.versions[r.Key][js] {
				t.Errorf("%s: salvaged a version that was never stored", r.Key)
			}
		case fx.current[r.Key] != js:
			t.Errorf("%s: salvaged %s, want the current version %s", r.Key, js, fx.current[r.Key])
		}
	}
	if !slices.IsSorted(keys) {
		t.Error("salvaged references are not in key order")
	}
	var lost []string
	for k := range fx.current {
		if !got[k] {
			lost = append(lost, k)
			if !mayLose[k] {
				t.Errorf("%s was lost though no destroyed page held it", k)
			}
		}
	}
	t.Logf("%d of %d references salvaged (%d lost, %d allowed to be), %d uncertain, %d older copies ignored; %s; %d unreadable pages",
		len(refs), len(fx.current), len(lost), len(mayLose), len(rep.Uncertain), rep.Ignored, rep.Header, len(rep.Unreadable))
	return rep
}

func TestSalvage_HealthyLibrary(t *testing.T) {
	fx := newSalvageFixture(t, 600)
	rep := fx.check(t, nil)
	if len(rep.Unreadable) > 0 || len(rep.Uncertain) > 0 {
		t.Errorf("a healthy library: unreadable %v, uncertain %v", rep.Unreadable, rep.Uncertain)
	}
	if rep.PageSize != 4096 || rep.References != len(fx.current) {
		t.Errorf("report %+v", rep)
	}
}

func TestSalvage_HeaderPagesDestroyed(t *testing.T) {
	fx := newSalvageFixture(t, 600)
	fx.destroy(t, 0, 1)
	rep := fx.check(t, nil)
	if len(rep.Uncertain) > 0 {
		t.Errorf("the whole tree was found, yet uncertain keys: %v", rep.Uncertain)
	}
	if !strings.Contains(rep.Header, "both header pages unreadable") {
		t.Errorf("header = %q", rep.Header)
	}
}

func TestSalvage_BranchPageDestroyed(t *testing.T) {
	fx := newSalvageFixture(t, 600)
	for _, id := range fx.pages["branch"] {
		fx.destroy(t, id)
	}
	rep := fx.check(t, nil) // the leaves under them are intact: nothing lost
	if len(rep.Unreadable) == 0 {
		t.Error("destroyed branch pages not reported")
	}
}

func TestSalvage_LeafPagesDestroyed(t *testing.T) {
	fx := newSalvageFixture(t, 600)
	leaves := fx.pages["leaf"]
	was := fx.destroy(t, leaves[len(leaves)/3], leaves[len(leaves)/2], leaves[2*len(leaves)/3])
	mayLose := fx.keysOn(was)
	fx.check(t, mayLose)
}

func TestSalvage_HeaderBranchAndLeafDestroyed(t *testing.T) {
	fx := newSalvageFixture(t, 600)
	leaves := fx.pages["leaf"]
	ids := []int{0, 1, leaves[len(leaves)/2]}
	ids = append(ids, fx.pages["branch"]...)
	mayLose := fx.keysOn(fx.destroy(t, ids...))
	fx.check(t, mayLose)
}

func TestSalvage_Truncated(t *testing.T) {
	fx := newSalvageFixture(t, 600)
	data, err := os.ReadFile(fx.path)
	if err != nil {
		t.Fatal(err)
	}
	cut := fx.used * 6 / 10 / 4096 * 4096
	if err := os.Truncate(fx.path, cut); err != nil {
		t.Fatal(err)
	}
	rep := fx.check(t, fx.keysOn(data[cut:]))
	if rep.References == 0 {
		t.Error("nothing salvaged from the first 60% of the file")
	}
}

func TestSalvage_NotALibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "refs.bib")
	if err := os.WriteFile(path, bytes.Repeat([]byte("@article{a, title={T}}\n"), 2000), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Salvage(path); err == nil || !strings.Contains(err.Error(), "not an evident library") {
		t.Errorf("Salvage of a BibTeX file = %v, want not an evident library", err)
	}
}

// TestSalvage_RandomDamage destroys random pages of the file in use, again
// and again: Salvage never fails on them, never returns a version that
// was never stored, and returns the current version of every reference it
// does not mark uncertain.
func TestSalvage_RandomDamage(t *testing.T) {
	fx := newSalvageFixture(t, 400)
	pristine, err := os.ReadFile(fx.path)
	if err != nil {
		t.Fatal(err)
	}
	seed := uint64(11)
	rng := rand.New(rand.NewPCG(seed, 1))
	pages := int(fx.used / 4096)
	runs := 30
	if testing.Short() {
		runs = 8
	}
	for i := range runs {
		if err := os.WriteFile(fx.path, pristine, 0o644); err != nil {
			t.Fatal(err)
		}
		var ids []int
		for range 1 + rng.IntN(4) {
			ids = append(ids, rng.IntN(pages))
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			mayLose := fx.keysOn(fx.destroy(t, ids...))
			fx.check(t, mayLose)
			if t.Failed() {
				t.Logf("seed %d, run %d: destroyed pages %v", seed, i, ids)
			}
		})
	}
}
