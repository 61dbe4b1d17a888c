package textfile

import "testing"

func TestReplaceControls_KeepsWhiteSpaceAndText(t *testing.T) {
	tests := []struct {
		in, want string
		first    int
	}{
		{"plain text, tabs\tand\nlines\r\f\v", "plain text, tabs\tand\nlines\r\f\v", -1},
		{"Sugar \x1b[2J clears", "Sugar \uFFFD[2J clears", 6},
		{"\x00\x07\x7f\u0085\u009b", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", 0},
		{"Über\u00a0alles \u200b", "Über\u00a0alles \u200b", -1}, // no-break and zero-width spaces are text
		{"", "", -1},
	}
	for _, tt := range tests {
		got, first := ReplaceControls(tt.in)
		if got != tt.want || first != tt.first {
			t.Errorf("ReplaceControls(%q) = %q, %d; want %q, %d", tt.in, got, first, tt.want, tt.first)
		}
	}
}
