package resolve

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestSlowInputs(t *testing.T) {
	lib := testLibrary(t)
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "B", ". ", ", ", "\"", "'", "“", "”", "(", ")", "2019", "et al", " and ", "<i>", "&amp;", "10.1000/x", "Smith J", "J.", " ", "?", ":", "\n", "[", "]", "…", "van ", "PMC1", "http://x.org/"}
	worst := time.Duration(0)
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for b.Len() < 8000 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		start := time.Now()
		lib.MatchEntry(s)
		if d := time.Since(start); d > worst {
			worst = d
		}
	}
	t.Logf("worst %v", worst)
}
