package csl

import "testing"

func TestMarkdown_EntryStartAndLinksCannotBreakTheMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1. Smith J. Title.", `1\. Smith J. Title.`},
		{"12) Smith", `12\) Smith`},
		{"# 5", `\# 5`},
		{"- Anon.", `\- Anon.`},
		{"2020. Title", `2020\. Title`},
		{"Smith 1. Title", "Smith 1. Title"},
		{"1.5 kg", "1.5 kg"},
	}
	for _, tt := range tests {
		if got := mdLineStart(tt.in); got != tt.want {
			t.Errorf("mdLineStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	links := []struct{ core, text, link, want string }{
		{"https://a.org/x", "https://a.org/x", "https://a.org/x", "<https://a.org/x>"},
		{"see", "see", "https://a.org/x_(y)", "[see](https://a.org/x_%28y%29)"},
		{"https://a.org/x_(y)", "https://a.org/x_(y)", "https://a.org/x_(y)", "<https://a.org/x_(y)>"},
		{"x", "https://a.org/a b", "https://a.org/a b", "[x](https://a.org/a%20b)"},
		{`a\<b>`, "a<b>", "https://a.org/a<b>", `[a\<b\>](https://a.org/a%3Cb%3E)`},
	}
	for _, tt := range links {
		if got := mdLink(tt.core, tt.text, tt.link); got != tt.want {
			t.Errorf("mdLink(%q) = %q, want %q", tt.link, got, tt.want)
		}
	}
}
