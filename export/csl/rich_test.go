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
		{`{\unknown{kept} text}`, `<span class="nocase">kept</span> text`},
		{`{Adsorption of \ce{Li} on \ce{Ru}(001)}`, `Adsorption of <span class="nocase">Li</span> on <span class="nocase">Ru</span>(001)`},
		{`{de'\hspace{0pt}Medici}`, `de'Medici`},
		{`{Beta decay of \ch{Li^{8}} in \ce{H2O} and \ch{^{8}Li-^{6}Li}}`, `Beta decay of <span class="nocase">Li<sup>8</sup></span> in <span class="nocase">H<sub>2</sub>O</span> and <span class="nocase"><sup>8</sup>Li-<sup>6</sup>Li</span>`},
	} {
		if got := Rich(c.raw); got != c.want {
			t.Errorf("Rich(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

func TestMath(t *testing.T) {
	for tex, want := range map[string]string{
		`T_{1/2}`:   `T<sub>1/2</sub>`,
		`^{8}`:      `<sup>8</sup>`,
		`p`:         `p`,
		`x^2 + y_i`: `x<sup>2</sup> + y<sub>i</sub>`,
	} {
		if got := Math(tex); got != want {
			t.Errorf("Math(%q) = %q, want %q", tex, got, want)
		}
	}
}

func TestPlain(t *testing.T) {
	if got := Plain(`<span class="nocase">DNA</span> a <i>b</i> < c`); got != "DNA a b < c" {
		t.Errorf("Plain = %q", got)
	}
}
