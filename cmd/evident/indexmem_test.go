package main

import (
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
		if pct, limit := settings(); pct != tc.pct || limit != tc.limit {
			t.Errorf("%s: GC percent %d, limit %d while indexing; want %d, %d", tc.name, pct, limit, tc.pct, tc.limit)
		}
		restore()
		if pct, limit := settings(); pct != 100 || limit != 512<<20 {
			t.Errorf("%s: GC percent %d, limit %d after; want them back at 100, %d", tc.name, pct, limit, 512<<20)
		}
	}
}
