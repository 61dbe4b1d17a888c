package crossref

import "testing"

func TestAbstractText(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"paragraph", "<jats:p>One sentence.</jats:p>", "One sentence."},
		{"a leading Abstract title is dropped", "<jats:title>ABSTRACT</jats:title><jats:p>Text.</jats:p>", "Text."},
		{
			"section titles start their lines",
			"<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>\n  <jats:sec><jats:title>Methods:</jats:title><jats:p>How.</jats:p><jats:p>More.</jats:p></jats:sec>",
			"Background: Why.\nMethods: How.\nMore.",
		},
		{"a title over a title", "<jats:title>Part 1</jats:title><jats:title>Aim</jats:title><jats:p>A.</jats:p><jats:title>End</jats:title>", "Part 1\nAim: A.\nEnd"},
		{"spaces put back around italics", "targeting<jats:italic>SMARCB1</jats:italic>for; in<jats:italic>MLH1</jats:italic>, <jats:italic>E. coli</jats:italic>'s", "targeting SMARCB1 for; in MLH1, E. coli's"},
		{"subscripts stay tight", "PIP<jats:sub>3</jats:sub>, Ca<jats:sup>2+</jats:sup>", "PIP3, Ca2+"},
		{"entities escaped twice", "<jats:p>values (&amp;lt;75 K) &amp;amp; more</jats:p>", "values (<75 K) & more"},
		{"TeX beside MathML is not read twice", `<jats:p>x <jats:inline-formula><jats:alternatives><jats:tex-math>\alpha</jats:tex-math><mml:math><mml:mi>α</mml:mi></mml:math></jats:alternatives></jats:inline-formula> y</jats:p>`, "x α y"},
		{"plain text", "  Just text,\n   no markup.  ", "Just text, no markup."},
		{"HTML", "<p>First.</p><p>Second <b>bold</b>.</p>", "First.\nSecond bold."},
		{"truncated", "<jats:p>Cut in the mid", "Cut in the mid"},
		{"unbalanced", "<jats:p>a</jats:sec></jats:p></jats:p><jats:p>b", "a\nb"},
		{"empty", "<jats:p> </jats:p>", ""},
	} {
		if got := abstractText(c.in); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

func TestInlineText(t *testing.T) {
	for in, want := range map[string]string{
		"Plain   title\n":                         "Plain title",
		"<i>In vitro</i> studies of <sub>x</sub>": "In vitro studies of x",
		"Smith &amp; Sons":                        "Smith & Sons",
		"p<0.05 & p>0.01":                         "p<0.05 & p>0.01",
	} {
		if got := inlineText(in); got != want {
			t.Errorf("inlineText(%q) = %q, want %q", in, got, want)
		}
	}
}
