package registry

import "testing"

func TestPlainText_JATSAndHTMLBecomeLines(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"one JATS paragraph", "<jats:p>The train of <jats:italic>thought</jats:italic> &amp; more.</jats:p>", "The train of thought & more."},
		{"HTML paragraphs and breaks", "<p>One<br>Two</p><div>Three</div>", "One\nTwo\nThree"},
		{"HTML with inline bold", "<p>First.</p><p>Second <b>bold</b>.</p>", "First.\nSecond bold."},
		{"spaces put back around italics", "targeting<jats:italic>SMARCB1</jats:italic>for; in<jats:italic>MLH1</jats:italic>, <jats:italic>E. coli</jats:italic>'s", "targeting SMARCB1 for; in MLH1, E. coli's"},
		{"subscripts stay tight", "PIP<jats:sub>3</jats:sub>, Ca<jats:sup>2+</jats:sup>", "PIP3, Ca2+"},
		{"entities escaped twice", "<jats:p>values (&amp;lt;75 K) &amp;amp; more</jats:p>", "values (<75 K) & more"},
		{"TeX beside MathML is not read twice", `<jats:p>x <jats:inline-formula><jats:alternatives><jats:tex-math>\alpha</jats:tex-math><mml:math><mml:mi>α</mml:mi></mml:math></jats:alternatives></jats:inline-formula> y</jats:p>`, "x α y"},
		{"a blank line in marked-up text ends a paragraph", "<jats:p>One.\n\n  Two,\n  wrapped.</jats:p>", "One.\nTwo, wrapped."},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("%s: PlainText(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestPlainText_SectionTitlesStartTheirLines(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a leading Abstract title is dropped", "<jats:title>ABSTRACT</jats:title><jats:p>Text.</jats:p>", "Text."},
		{
			"section titles start their lines",
			"<jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec>\n  <jats:sec><jats:title>Methods:</jats:title><jats:p>How.</jats:p><jats:p>More.</jats:p></jats:sec>",
			"Background: Why.\nMethods: How.\nMore.",
		},
		{
			"the Abstract heading goes, section titles label their paragraph",
			"<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title><jats:p>Why.</jats:p></jats:sec><jats:sec><jats:title>Methods:</jats:title><jats:p>How.</jats:p></jats:sec>",
			"Background: Why.\nMethods: How.",
		},
		{"a title ending in its own punctuation takes no colon", "<jats:title>Why it matters?</jats:title><jats:p>A.</jats:p><jats:title>Aim.</jats:title><jats:p>B.</jats:p>", "Why it matters? A.\nAim. B."},
		{"a title over a title", "<jats:title>Part 1</jats:title><jats:title>Aim</jats:title><jats:p>A.</jats:p><jats:title>End</jats:title>", "Part 1\nAim: A.\nEnd"},
		{"a title with no paragraph is kept", "<p>Text.</p><h2>Funding</h2>", "Text.\nFunding"},
		{"HTML headings are titles", "<h3>Abstract</h3><h4>Results</h4><p>R.</p>", "Results: R."},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("%s: PlainText(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestPlainText_PlainAndBrokenInput(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain text: a blank line ends a paragraph", "First  line\n\n second\tline ", "First line\nsecond line"},
		{"plain text: a single line break is a space", "  Just text,\n   no markup.  ", "Just text, no markup."},
		{"plain text: blank lines of spaces and CRLF", "One\r\n \r\nTwo\r\n\r\n\r\nThree", "One\nTwo\nThree"},
		{"comparisons in plain text survive", "p<0.05 & n>10", "p<0.05 & n>10"},
		{"truncated", "<jats:p>Cut in the mid", "Cut in the mid"},
		{"broken markup gives its text", "<jats:p>Unclosed <b>bold", "Unclosed bold"},
		{"unbalanced", "<jats:p>a</jats:sec></jats:p></jats:p><jats:p>b", "a\nb"},
		{"empty paragraph", "<jats:p> </jats:p>", ""},
		{"nothing", "  ", ""},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("%s: PlainText(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestInlineText_OneLineWithoutMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"Plain   title\n":                         "Plain title",
		"<i>In vitro</i> studies of <sub>x</sub>": "In vitro studies of x",
		"Smith &amp; Sons":                        "Smith & Sons",
		"p<0.05 & p>0.01":                         "p<0.05 & p>0.01",
		"The <i>lac</i> operon":                   "The lac operon",
		"H<sub>2</sub>O &amp; CO<sub>2</sub>":     "H2O & CO2",
		"Effects at p<0.05 and n>10":              "Effects at p<0.05 and n>10",
		"When a<b and c>d":                        "When a<b and c>d",
		"R&D spending\nin 2001":                   "R&D spending in 2001",
		"Part one<br/>part two":                   "Part one part two",
		"<p>Two</p>\n\n<p>paragraphs</p>":         "Two paragraphs",
	} {
		if got := InlineText(in); got != want {
			t.Errorf("InlineText(%q) = %q, want %q", in, got, want)
		}
	}
}
