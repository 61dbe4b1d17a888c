package importer

import (
	"runtime/debug"
	"testing"
)

// keepLimit restores the process's soft memory limit after a test that
// moves it.
func keepLimit(t *testing.T) int64 {
	t.Helper()
	was := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(was) })
	return was
}

func TestMakeRoomFor_RaisesTheLimitToWhatTheParseKeepsLive(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	keepLimit(t)
	debug.SetMemoryLimit(512 << 20)

	// 60 MB of input (the 100,000-reference file) wants 480 MB: under the
	// limit, which stays.
	if floor := makeRoomFor(60 << 20); floor != 512<<20 || debug.SetMemoryLimit(-1) != 512<<20 {
		t.Errorf("a small input moved the limit: floor %d, limit %d", floor, debug.SetMemoryLimit(-1))
	}
	// 600 MB (a million references) would run the collector back to back
	// under 512 MiB: the limit rises, and fitLimit brings it back down
	// once the references are gone, never under the floor.
	floor := makeRoomFor(600 << 20)
	if got := debug.SetMemoryLimit(-1); got != heapPerInputByte*(600<<20) {
		t.Errorf("limit for 600 MB of input = %d, want %d", got, heapPerInputByte*(600<<20))
	}
	fitLimit(floor)
	if got := debug.SetMemoryLimit(-1); got < floor || got >= heapPerInputByte*(600<<20) {
		t.Errorf("limit after the store = %d, want from %d to the live heap's, under the parse's", got, floor)
	}
}

func TestMakeRoomFor_LeavesAnExplicitGOMEMLIMITAlone(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	keepLimit(t)
	debug.SetMemoryLimit(1 << 30)
	floor := makeRoomFor(600 << 20)
	if floor != 0 || debug.SetMemoryLimit(-1) != 1<<30 {
		t.Errorf("floor %d, limit %d: GOMEMLIMIT should decide", floor, debug.SetMemoryLimit(-1))
	}
	fitLimit(floor)
	if debug.SetMemoryLimit(-1) != 1<<30 {
		t.Errorf("fitLimit moved a limit GOMEMLIMIT set")
	}
}
