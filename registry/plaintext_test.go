package registry

import "testing"

func TestPlainText_JATSAndHTMLBecomeLines(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain text keeps its lines", "First  line\n\n second\tline ", "First line\nsecond line"},
		{"one JATS paragraph", "<jats:p>The train of <jats:italic>thought</jats:italic> &amp; more.</jats:p>", "The train of thought & more."},
		{"the Abstract heading goes, section titles label their paragraph",
			"<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec><jats:sec><jats:title>Methods:</jats:title><jats:p>How.</jats:p></jats:sec>",
			"Background: Why.\nMethods: How."},
		{"a title with no paragraph is kept", "<p>Text.</p><h2>Funding</h2>", "Text.\nFunding"},
		{"HTML paragraphs and breaks", "<p>One<br>Two</p><div>Three</div>", "One\nTwo\nThree"},
		{"broken markup gives its text", "<jats:p>Unclosed <b>bold", "Unclosed bold"},
		{"nothing", "  ", ""},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("%s: PlainText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
