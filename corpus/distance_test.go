package corpus

import "testing"

func TestEditDistance_CountsRunesAndStopsAtMax(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"", "", -1, 0},
		{"smith", "smith", -1, 0},
		{"smith", "smyth", -1, 1},
		{"müller", "muller", -1, 1}, // one rune, two bytes
		{"kitten", "sitting", -1, 3},
		{"kitten", "sitting", 2, 3}, // gave up: max+1
		{"a", "abcdef", 2, 3},       // lengths alone exceed max
		{"scope", "scop", 2, 1},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
