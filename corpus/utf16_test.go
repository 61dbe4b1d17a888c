package corpus

import (
	"testing"
	"unicode/utf16"
)

func TestBOMlessUTF16(t *testing.T) {
	units := utf16.Encode([]rune("@article{smith2019, title = {Sugar and caries}}\n"))
	le, be := make([]byte, 0, 2*len(units)), make([]byte, 0, 2*len(units))
	for _, u := range units {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
	}
	if big, ok := BOMlessUTF16(le); !ok || big {
		t.Errorf("little-endian: big %v ok %v", big, ok)
	}
	if big, ok := BOMlessUTF16(be); !ok || !big {
		t.Errorf("big-endian: big %v ok %v", big, ok)
	}
	for _, s := range []string{"", "ab", "plain UTF-8 text", "a\x00b\x00 binary \x00\x00\x00\x00 and text"} {
		if _, ok := BOMlessUTF16([]byte(s)); ok {
			t.Errorf("%q read as UTF-16", s)
		}
	}
}
