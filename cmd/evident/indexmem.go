package main

import (
	"runtime/debug"
	"runtime/metrics"
)

// largeWrite is the number of references written at once from which the
// index update after the write is given the memory the write freed.
const largeWrite = 10000

// While a large write is indexed, the garbage collector lets the heap grow
// to indexGCPercent% over the live heap, up to a soft limit of
// indexMemoryLimit beside what the runtime keeps for itself
// (runtimeOverhead).
// The build's live heap is about 100 MB (the analysed documents of a batch,
// the segment being built; BenchmarkRebuildReal peaks at 85-94 MiB), and a
// 100,000-reference build allocates some 6 GB: at the default 100% it
// collected every 100 MB or so. Measured on that import (bench/RESULTS.md,
// "The index's half, third round"): the build's resident size near 400 MB
// instead of 530-590, under the store's commit, now the import's peak; its
// CPU time moved less than the shared machine's noise.
const (
	indexGCPercent   = 300
	indexMemoryLimit = 360 << 20
)

// indexMemory readies the process for indexing a write of refs references
// and returns the function that undoes it. The store's transaction has
// just freed hundreds of megabytes of heap that the runtime keeps (their
// pages count in the resident size until its scavenger returns them,
// slowly), and the build maps the library's file and its own segments on
// top: they are returned first, so that the build does not add to the
// import's peak. GOGC or GOMEMLIMIT in the environment (getenv) keep the
// collector as they set it.
func indexMemory(refs int, getenv func(string) string) (restore func()) {
	if refs < largeWrite {
		return func() {}
	}
	debug.FreeOSMemory()
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct := debug.SetGCPercent(indexGCPercent)
	limit := debug.SetMemoryLimit(indexMemoryLimit + runtimeOverhead())
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}

// runtimeOverhead returns the memory the Go runtime counts against the soft
// limit beyond the heap's objects: the heap's metadata, spans, stacks and
// the like, after FreeOSMemory has given back the free pages. It grows with
// the largest heap the process has had, and a million-reference import's
// parse and commit (5.6 GB) leave some 290 MB of it: under a limit of
// indexMemoryLimit alone, the build's heap had 70 MB and the collector ran
// 13 times a second for seven minutes (bench/RESULTS.md).
func runtimeOverhead() int64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
	}
	metrics.Read(s)
	var v [3]int64
	for i := range s {
		if s[i].Value.Kind() == metrics.KindUint64 {
			v[i] = int64(s[i].Value.Uint64())
		}
	}
	return max(0, v[0]-v[1]-v[2])
}
