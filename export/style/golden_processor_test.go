package style

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/csl/styles"
)

// processorFloor is, per built-in style, how many of the golden entries the
// CSL processor renders as pandoc does (or differs from as knownDifferences
// says evident deliberately does). TestGoldenProcessor fails when fewer
// match.
var processorFloor = map[string]int{
	"apa": 66, "chicago": 66, "harvard": 66, "mla": 64, "vancouver": 66, "ama": 66, "ieee": 66,
}

// TestGoldenProcessor runs the golden files through the processor with
// the embedded official styles: the condition for replacing the
// hand-written styles. Each entry that differs is logged.
func TestGoldenProcessor(t *testing.T) {
	items := richItems(t)
	for _, id := range goldenStyles {
		t.Run(id, func(t *testing.T) {
			s, err := openCSL(id, Options{Finder: &styles.Finder{}})
			if err != nil {
				t.Fatal(err)
			}
			got := format(t, s, items)
			want := goldenEntries(t, id)
			if len(got) != len(want) {
				t.Fatalf("%d entries formatted, golden file has %d", len(got), len(want))
			}
			ok := 0
			var differ []string
			for i, e := range got {
				text := normalizeSpace(s.Text(e))
				if _, known := knownDifferences[id][e.Key]; text == want[i] || known {
					ok++
					continue
				}
				differ = append(differ, e.Key)
				t.Logf("%s (entry %d):\n got: %s\nwant: %s", e.Key, i+1, text, want[i])
			}
			t.Logf("%s: %d of %d entries as pandoc (or a known deliberate difference); differing: %s", id, ok, len(got), strings.Join(differ, " "))
			switch floor := processorFloor[id]; {
			case ok < floor:
				t.Errorf("%d entries match, fewer than the %d that did", ok, floor)
			case ok > floor:
				t.Logf("more entries match than processorFloor[%q] = %d: raise it to %d", id, floor, ok)
			}
		})
	}
}
