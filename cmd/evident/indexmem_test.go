package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestIndexMemory_LoosensTheCollectorForALargeWriteAndRestoresIt: a large
// write is indexed with the collector's indexing settings, which the
// returned function undoes; a small write, or GOGC or GOMEMLIMIT in the
// environment, keeps the settings as they are.
func TestIndexMemory_LoosensTheCollectorForALargeWriteAndRestoresIt(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(512 << 20))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	settings := func() (int, int64) {
		pct := debug.SetGCPercent(-1)
		debug.SetGCPercent(pct)
		return pct, debug.SetMemoryLimit(-1)
	}
	none := func(string) string { return "" }
	for _, tc := range []struct {
		name  string
		refs  int
		env   func(string) string
		pct   int
		limit int64
	}{
		{"large write", largeWrite, none, indexGCPercent, indexMemoryLimit},
		{"small write", largeWrite - 1, none, 100, 512 << 20},
		{"GOGC set", 100000, func(k string) string {
			if k == "GOGC" {
				return "50"
			}
			return ""
		}, 100, 512 << 20},
	} {
		restore := indexMemory(tc.refs, tc.env)
		want := tc.limit
		if tc.limit == indexMemoryLimit {
			// The build's budget comes on top of what the runtime keeps
			// for itself, a few megabytes in a test.
			want += runtimeOverhead()
		}
		if pct, limit := settings(); pct != tc.pct || limit < want-(8<<20) || limit > want+(8<<20) {
			t.Errorf("%s: GC percent %d, limit %d while indexing; want %d, %d", tc.name, pct, limit, tc.pct, want)
		}
		restore()
		if pct, limit := settings(); pct != 100 || limit != 512<<20 {
			t.Errorf("%s: GC percent %d, limit %d after; want them back at 100, %d", tc.name, pct, limit, 512<<20)
		}
	}
}

// TestIndexMemory_GivesTheBuildItsBudgetBesideTheRuntimesOwn: after a large
// heap has come and gone (as a big import's parse and commit do), the
// runtime keeps memory of its own that counts against the soft limit; the
// build's budget comes on top of it, not out of it.
func TestIndexMemory_GivesTheBuildItsBudgetBesideTheRuntimesOwn(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(512 << 20))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	type node struct {
		next *node
		pad  [40]byte
	}
	var keep []*node
	for range 4_000_000 {
		keep = append(keep, &node{})
	}
	runtime.KeepAlive(keep)
	keep = nil
	debug.FreeOSMemory()
	overhead := runtimeOverhead()
	if overhead < 6<<20 {
		t.Fatalf("the runtime keeps %d bytes after a 300 MB heap; the test needs more to tell", overhead)
	}
	restore := indexMemory(largeWrite, func(string) string { return "" })
	defer restore()
	limit := debug.SetMemoryLimit(-1)
	if limit < indexMemoryLimit+overhead-(2<<20) {
		t.Errorf("limit while indexing %d MiB, want the budget %d MiB beside the runtime's %d MiB",
			limit>>20, indexMemoryLimit>>20, overhead>>20)
	}
}
