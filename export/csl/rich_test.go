package csl

import "testing"

func TestRich(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`{Plain title}`, `Plain title`},
		{`2019`, `2019`},
		{`{{DNA} repair in \emph{E. coli}}`, `<span class="nocase">DNA</span> repair in <i>E. coli</i>`},
		{`{Sch{\"o}n's {\em Gedanken} on {\"U}bung}`, `Schön's <i>Gedanken</i> on Übung`},
		{`{The \"{o}ffnung of {NASA}}`, `The öffnung of <span class="nocase">NASA</span>`},
		{`{H\textsubscript{2}O and \textsuperscript{13}C in {\textit{Zea mays}}}`, `H<sub>2</sub>O and <sup>13</sup>C in <span class="nocase"><i>Zea mays</i></span>`},
		{`{A {B {C}} D}`, `A <span class="nocase">B C</span> D`},
		{`{Unbalanced {brace}`, `Unbalanced brace`},
		{`{\unknown{kept} text}`, `kept text`},
	} {
		if got := Rich(c.raw); got != c.want {
			t.Errorf("Rich(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

func TestPlain(t *testing.T) {
	if got := Plain(`<span class="nocase">DNA</span> a <i>b</i> < c`); got != "DNA a b < c" {
		t.Errorf("Plain = %q", got)
	}
}
