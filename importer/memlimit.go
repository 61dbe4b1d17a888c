package importer

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// heapPerInputByte is about how many bytes of heap parsing takes per byte
// of input at its peak: 283 MB live for the 60 MB of the 100,000-reference
// benchmark file, its text included, and room for the collector to work
// in.
const heapPerInputByte = 8

// makeRoomFor raises the process's soft memory limit (evident's main sets
// 512 MiB) to what parsing total bytes of input will keep live, when that
// is more, and returns the limit it found, for fitLimit to come back to;
// 0 when it is not to be touched (an explicit GOMEMLIMIT). Below the live
// heap the limit cannot be kept, and the collector runs back to back
// trying: a 600 MB, million-reference file took 75.6 s of CPU to parse
// under the 512 MiB limit and 31.1 s with room (quiet machine,
// bench/RESULTS.md).
func makeRoomFor(total int64) (floor int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	floor = debug.SetMemoryLimit(-1)
	if want := heapPerInputByte * total; want > floor {
		debug.SetMemoryLimit(want)
	}
	return floor
}

// fitLimit sets the soft memory limit to a quarter above the heap the
// last collection found live, but not under floor (makeRoomFor's): as an
// import stores its parsed references and lets go of them, the limit
// comes down with them, so that the collector neither runs back to back
// nor lets garbage pile up to the parse's peak. A floor of 0 leaves the
// limit alone.
func fitLimit(floor int64) {
	if floor <= 0 {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := int64(0)
	if s[0].Value.Kind() == metrics.KindUint64 {
		live = int64(s[0].Value.Uint64())
	}
	debug.SetMemoryLimit(max(floor, live+live/4))
}
