package registry

import (
	"net/url"
	"testing"
)

func TestEscapePath_KeepsSlashesAndEncodesTheRest(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"10.1371/journal.pone.0033693", "10.1371/journal.pone.0033693"},
		{"10.1002/(sici)1097-4636(199706)35:4<451::aid-jbm6>3.0.co;2-c", "10.1002/%28sici%291097-4636%28199706%2935:4%3C451::aid-jbm6%3E3.0.co%3B2-c"},
		{"10.1000/a;b<c>#d?e/100%", "10.1000/a%3Bb%3Cc%3E%23d%3Fe/100%25"},
		{"/works/doi:10.1000/50% off", "/works/doi:10.1000/50%25%20off"},
	} {
		got := EscapePath(c.in)
		if got != c.want {
			t.Errorf("EscapePath(%q) = %q, want %q", c.in, got, c.want)
		}
		if back, err := url.PathUnescape(got); err != nil || back != c.in {
			t.Errorf("%q reads back as %q (%v)", got, back, err)
		}
	}
}
