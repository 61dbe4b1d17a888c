package resolve

import (
	"strconv"
	"strings"
	"testing"
)

// TestMatchEntry_Fixtures runs every entry of testdata/entries.tsv against
// testdata/library.bib: the right key (or none), the right strength, and
// the expected Mismatch. It also logs the calibration of the thresholds:
// the lowest confidence of a correct title match and the highest score of
// a wrong candidate.
func TestMatchEntry_Fixtures(t *testing.T) {
	lib := testLibrary(t)
	fixtures := loadFixtures(t)
	if len(fixtures) < 60 {
		t.Fatalf("%d fixtures, want at least 60", len(fixtures))
	}
	correct := 0
	styles := map[string]bool{}
	minRight, maxWrong, maxWrongTop := 1.0, 0.0, 0.0
	var minRightAt, maxWrongAt, maxWrongTopAt string
	for _, fx := range fixtures {
		styles[fx.style] = true
		m, mm := lib.MatchEntry(fx.entry)
		ok := true
		if m.Key != fx.key {
			t.Errorf("entries.tsv:%d (%s): matched %q (%s, %.2f: %s), want %q", fx.line, fx.style, m.Key, m.By, m.Confidence, m.Why, fx.key)
			ok = false
		}
		switch {
		case fx.strength == "firm" && (m.Key == "" || m.Weak),
			fx.strength == "weak" && (m.Key == "" || !m.Weak),
			fx.strength == "none" && m.Key != "":
			t.Errorf("entries.tsv:%d (%s): strength weak=%v conf=%.2f (%s), want %s", fx.line, fx.style, m.Weak, m.Confidence, m.Why, fx.strength)
			ok = false
		}
		gotMM := ""
		if mm != nil {
			gotMM = mm.Key
			if !strings.Contains(mm.ID, ":") || mm.Want == "" || mm.Have == "" {
				t.Errorf("entries.tsv:%d: incomplete mismatch %+v", fx.line, mm)
			}
		}
		if gotMM != fx.mismatch {
			t.Errorf("entries.tsv:%d (%s): mismatch %q (%+v), want %q", fx.line, fx.style, gotMM, mm, fx.mismatch)
			ok = false
		}
		if ok {
			correct++
		}

		// Calibration: scores on the title route alone.
		e := parseEntry(fx.entry)
		q := newQuery(&e)
		top, topKey := 0.0, ""
		for _, i := range lib.candidates(q) {
			s, _ := lib.score(q, i)
			key := lib.refs[i].Key
			if s > top {
				top, topKey = s, key
			}
			if key == fx.key {
				if s < minRight && fx.strength == "firm" && m.By == "title" {
					minRight, minRightAt = s, key+" for line "+strconv.Itoa(fx.line)
				}
			} else if s > maxWrong {
				maxWrong, maxWrongAt = s, key+" for line "+strconv.Itoa(fx.line)
			}
		}
		if topKey != fx.key && topKey != "" && top > maxWrongTop {
			maxWrongTop, maxWrongTopAt = top, topKey+" for line "+strconv.Itoa(fx.line)
		}
	}
	t.Logf("fixtures: %d/%d correct (%.1f%%) over %d styles", correct, len(fixtures), 100*float64(correct)/float64(len(fixtures)), len(styles))
	t.Logf("calibration: lowest firm title match %.2f (%s); highest wrong top candidate %.2f (%s); highest wrong runner-up %.2f (%s); firm %.2f, floor %.2f",
		minRight, minRightAt, maxWrongTop, maxWrongTopAt, maxWrong, maxWrongAt, firmThreshold, weakFloor)
}
