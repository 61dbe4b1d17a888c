package article

import (
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

type splitCase struct {
	name string
	text string
	want []string
}

func runSplitCases(t *testing.T, cases []splitCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(c.text) {
				got = append(got, c.text[sp[0]:sp[1]])
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

func TestSplitSentences_AbbreviationsDoNotEnd(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"e.g. mid-sentence", "Some drugs, e.g. aspirin, thin the blood. Others do not.",
			[]string{"Some drugs, e.g. aspirin, thin the blood.", "Others do not."}},
		{"e.g. before a capital", "Take a painkiller, e.g. Aspirin or Paracetamol, for the fever. Rest well.",
			[]string{"Take a painkiller, e.g. Aspirin or Paracetamol, for the fever.", "Rest well."}},
		{"e.g., with comma", "Several organs (e.g., Liver and kidney) were examined. All were normal.",
			[]string{"Several organs (e.g., Liver and kidney) were examined.", "All were normal."}},
		{"i.e.", "One group, i.e. Group A, improved. The other did not.",
			[]string{"One group, i.e. Group A, improved.", "The other did not."}},
		{"et al. before a year", "Smith et al. (2019) found an effect. It was small.",
			[]string{"Smith et al. (2019) found an effect.", "It was small."}},
		{"et al. before a verb", "Smith et al. found an effect. It was small.",
			[]string{"Smith et al. found an effect.", "It was small."}},
		{"et al. before a name", "As Jones et al. Nature reported, the effect was small. It faded.",
			[]string{"As Jones et al. Nature reported, the effect was small.", "It faded."}},
		{"etc. mid-sentence", "Apples, pears, etc. are fruit. Carrots are not.",
			[]string{"Apples, pears, etc. are fruit.", "Carrots are not."}},
		{"etc. ends a sentence", "We bought apples, pears, etc. Prices rose later.",
			[]string{"We bought apples, pears, etc.", "Prices rose later."}},
		{"titles", "Dr. Jones met Mrs. Smith, Mr. Brown, Ms. White and Prof. Lee. They talked.",
			[]string{"Dr. Jones met Mrs. Smith, Mr. Brown, Ms. White and Prof. Lee.", "They talked."}},
		{"St.", "She lives on St. Mary's Road. It is quiet.",
			[]string{"She lives on St. Mary's Road.", "It is quiet."}},
		{"Fig. and Figs.", "As shown in Fig. 2, the rate rose. Figs. 3 and 4 agree.",
			[]string{"As shown in Fig. 2, the rate rose.", "Figs. 3 and 4 agree."}},
		{"Eq. and Tab.", "Eq. 5 gives the rate (see Tab. 2). It is linear.",
			[]string{"Eq. 5 gives the rate (see Tab. 2).", "It is linear."}},
		{"vs.", "Drug A vs. Drug B was tested. A won.",
			[]string{"Drug A vs. Drug B was tested.", "A won."}},
		{"No. and Nos.", "Patient No. 5 recovered. Nos. 6 and 7 did not.",
			[]string{"Patient No. 5 recovered.", "Nos. 6 and 7 did not."}},
		{"approx. ca. cf.", "The trial took approx. 3 weeks in ca. 1990 (cf. Smith). It ended early.",
			[]string{"The trial took approx. 3 weeks in ca. 1990 (cf. Smith).", "It ended early."}},
		{"U.S. and U.K. inside", "The U.S. Army and the U.K. Government agreed. Both signed.",
			[]string{"The U.S. Army and the U.K. Government agreed.", "Both signed."}},
		{"U.S. at the end", "The drug is sold in the U.S. The price is high.",
			[]string{"The drug is sold in the U.S.", "The price is high."}},
		{"Ph.D. at the end", "She holds a Ph.D. This helped.",
			[]string{"She holds a Ph.D.", "This helped."}},
		// A manuscript's contact line, which was split in three.
		{"tel. and fax.", "tel. +1 403 220 7955, fax. +1 403 220 0448",
			[]string{"tel. +1 403 220 7955, fax. +1 403 220 0448"}},
		{"fax. ends a sentence", "Results were sent by fax. The clinic replied.",
			[]string{"Results were sent by fax.", "The clinic replied."}},
	})
}

func TestSplitSentences_InitialsDoNotEnd(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"run of initials", "J. R. R. Tolkien wrote it. He was a professor.",
			[]string{"J. R. R. Tolkien wrote it.", "He was a professor."}},
		{"initial after a surname", "The method of Smith J. was used. It worked.",
			[]string{"The method of Smith J. was used.", "It worked."}},
		{"initial before a surname", "The data came from A. Jones and B. Smith. Both agreed.",
			[]string{"The data came from A. Jones and B. Smith.", "Both agreed."}},
		{"a letter that ends a sentence", "They took vitamin C. The results were clear.",
			[]string{"They took vitamin C.", "The results were clear."}},
	})
}

func TestSplitSentences_NumbersAndAddresses(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"decimals", "The mean was 3.5 mg. The median was 2.1 mg.",
			[]string{"The mean was 3.5 mg.", "The median was 2.1 mg."}},
		{"a number ends a sentence", "The count reached 2019. Then it fell.",
			[]string{"The count reached 2019.", "Then it fell."}},
		{"numbered list in text", "There are two steps. 1. Mix the flour. 2. Bake it.",
			[]string{"There are two steps.", "1. Mix the flour.", "2. Bake it."}},
		{"numbered section heading", "2.1. Study design", []string{"2.1. Study design"}},
		{"URL with dots", "See https://example.org/a.b.c for details. It is free.",
			[]string{"See https://example.org/a.b.c for details.", "It is free."}},
		{"URL before the stop", "Read it at www.example.com. It helps.",
			[]string{"Read it at www.example.com.", "It helps."}},
		{"DOI", "The DOI is 10.1000/xyz.123 for that paper. Cite it.",
			[]string{"The DOI is 10.1000/xyz.123 for that paper.", "Cite it."}},
		{"p value", "The effect was significant (p < 0.05). It held.",
			[]string{"The effect was significant (p < 0.05).", "It held."}},
	})
}

func TestSplitSentences_Ellipses(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"dots mid-sentence", "He paused... then spoke. Nobody listened.",
			[]string{"He paused... then spoke.", "Nobody listened."}},
		{"dots end a sentence", "He paused... Then he spoke.",
			[]string{"He paused...", "Then he spoke."}},
		{"ellipsis character", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"ellipsis mid-sentence", "It was good… mostly. Fine.", []string{"It was good… mostly.", "Fine."}},
	})
}

func TestSplitSentences_QuotesAndBracketsAfterTheStop(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"straight quote", `He said "stop." Then he left.`, []string{`He said "stop."`, "Then he left."}},
		{"curly quote", "She wrote “it works.” Others agreed.", []string{"She wrote “it works.”", "Others agreed."}},
		{"parenthesis", "(This was expected.) The rest followed.", []string{"(This was expected.)", "The rest followed."}},
		{"question and exclamation", "Does it work? Yes! It does.", []string{"Does it work?", "Yes!", "It does."}},
		{"interrobang run", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"lower case after a stop", "The value of x. was low.", []string{"The value of x. was low."}},
	})
}

func TestSplitSentences_CitationsAfterTheStopStayWithTheSentence(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"numeric in parentheses", "It relieves spasms.(3) Next it was tested.",
			[]string{"It relieves spasms.(3)", "Next it was tested."}},
		{"numeric in brackets", "It relieves spasms.[3] Next it was tested.",
			[]string{"It relieves spasms.[3]", "Next it was tested."}},
		{"range after a space", "It relieves spasms. [2–4] Next it was tested.",
			[]string{"It relieves spasms. [2–4]", "Next it was tested."}},
		{"unicode superscript", "It relieves spasms.³ Next it was tested.",
			[]string{"It relieves spasms.³", "Next it was tested."}},
		{"unicode superscript range", "It relieves spasms.¹²⁻¹⁴ Next it was tested.",
			[]string{"It relieves spasms.¹²⁻¹⁴", "Next it was tested."}},
		{"pandoc superscript", "It relieves spasms.^3^ Next it was tested.",
			[]string{"It relieves spasms.^3^", "Next it was tested."}},
		{"pandoc superscript list", "It relieves spasms.^1,2^ Next it was tested.",
			[]string{"It relieves spasms.^1,2^", "Next it was tested."}},
		{"pandoc citation after a space", "It relieves spasms. [@smith2019] Next it was tested.",
			[]string{"It relieves spasms. [@smith2019]", "Next it was tested."}},
		{"pandoc citations with prefix", "It relieves spasms. [see @smith2019, p. 33; @lee2020] Next it was tested.",
			[]string{"It relieves spasms. [see @smith2019, p. 33; @lee2020]", "Next it was tested."}},
		{"LaTeX cite", `It relieves spasms.\cite{smith} Next it was tested.`,
			[]string{`It relieves spasms.\cite{smith}`, "Next it was tested."}},
		{"LaTeX cite with options", `It relieves spasms. \citep[p.~3]{a,b} Next it was tested.`,
			[]string{`It relieves spasms. \citep[p.~3]{a,b}`, "Next it was tested."}},
		{"narrative LaTeX cite starts the next sentence", `It is common \citep{a}. \citet{b} doubted many findings.`,
			[]string{`It is common \citep{a}.`, `\citet{b} doubted many findings.`}},
		{"textcite after a stop", `Results vary. \textcite[p.~2]{c} found otherwise.`,
			[]string{"Results vary.", `\textcite[p.~2]{c} found otherwise.`}},
		{"footnote reference", "It relieves spasms.[^1] Next it was tested.",
			[]string{"It relieves spasms.[^1]", "Next it was tested."}},
		{"author-year glued", "It relieves spasms.(Smith et al., 2019) Next it was tested.",
			[]string{"It relieves spasms.(Smith et al., 2019)", "Next it was tested."}},
		{"quote then marker", "She called it “a cure.”[4] Others doubted it.",
			[]string{"She called it “a cure.”[4]", "Others doubted it."}},
		{"marker at the very end", "It relieves spasms. [3]", []string{"It relieves spasms. [3]"}},
		{"two markers", "It relieves spasms.[3] [@lee] Next it was tested.",
			[]string{"It relieves spasms.[3] [@lee]", "Next it was tested."}},
	})
}

func TestSplitSentences_BlocksWithoutFullStops(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"heading", "Results and discussion", []string{"Results and discussion"}},
		{"caption with two sentences", "Figure 3. Survival by group. Shaded areas show 95% intervals.",
			[]string{"Figure 3. Survival by group.", "Shaded areas show 95% intervals."}},
		{"table cell", "12.5 (3.1)", []string{"12.5 (3.1)"}},
		{"blank line is a break", "First part\n\nSecond part", []string{"First part", "Second part"}},
		{"CJK full stops", "这是第一句。这是第二句。", []string{"这是第一句。", "这是第二句。"}},
	})
}

func TestSplitSentences_NeverEmpty(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n", ". . .", "...", "?!", "  .  "} {
		for _, sp := range splitSentences(text) {
			if s := strings.TrimSpace(text[sp[0]:sp[1]]); s == "" || s != text[sp[0]:sp[1]] {
				t.Errorf("splitSentences(%q) gave the untrimmed or empty sentence %q", text, text[sp[0]:sp[1]])
			}
		}
	}
}

func TestSentences_NumbersInReadingOrderWithPositions(t *testing.T) {
	src := "# Effects\n\nAspirin thins the blood.[^1] It also\nrelieves pain.\n\n- Dose: low. Timing: evening.\n\n[^1]: Smith J. Blood. 2019.\n"
	doc, err := Read("a.md", []byte(src), corpus.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	got := Sentences(doc)
	want := []corpus.Sentence{
		{ID: "c1", Text: "Effects", Pos: corpus.Position{Line: 1, Col: 3}, Kind: corpus.KindHeading, Paragraph: 1, Section: "Effects"},
		{ID: "c2", Text: "Aspirin thins the blood.[^1]", Pos: corpus.Position{Line: 3, Col: 1}, Kind: corpus.KindSentence, Paragraph: 2, Section: "Effects", Block: 1},
		{ID: "c3", Text: "It also relieves pain.", Pos: corpus.Position{Line: 3, Col: 30}, Kind: corpus.KindSentence, Paragraph: 2, Section: "Effects", Block: 1},
		{ID: "c4", Text: "Dose: low.", Pos: corpus.Position{Line: 6, Col: 3}, Kind: corpus.KindListItem, Paragraph: 3, Section: "Effects", Block: 2},
		{ID: "c5", Text: "Timing: evening.", Pos: corpus.Position{Line: 6, Col: 14}, Kind: corpus.KindListItem, Paragraph: 3, Section: "Effects", Block: 2},
		{ID: "c6", Text: "Smith J. Blood.", Pos: corpus.Position{Line: 8, Col: 7}, Kind: corpus.KindFootnote, Paragraph: 4, Section: "Effects", Block: 3},
		{ID: "c7", Text: "2019.", Pos: corpus.Position{Line: 8, Col: 23}, Kind: corpus.KindFootnote, Paragraph: 4, Section: "Effects", Block: 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences:\n got %+v\nwant %+v", got, want)
	}
}

func TestSplitSentences_StateAbbreviationsEndOnlyBeforeASentenceStart(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"dateline with a dash", "PASADENA, Calif. — The most distant probe spoke again. It had been silent.",
			[]string{"PASADENA, Calif. — The most distant probe spoke again.", "It had been silent."}},
		{"dateline with an en dash", "MARLOW VALLEY, Colo. – A third herd tested positive.",
			[]string{"MARLOW VALLEY, Colo. – A third herd tested positive."}},
		{"dateline with two hyphens", "TULSA, Okla. -- Storms hit the city.",
			[]string{"TULSA, Okla. -- Storms hit the city."}},
		{"dateline with an agency", "SALEM, Ore. (AP) — Fires spread overnight.",
			[]string{"SALEM, Ore. (AP) — Fires spread overnight."}},
		{"dotted state in a dateline", "ALBANY, N.Y. — Lawmakers passed the bill.",
			[]string{"ALBANY, N.Y. — Lawmakers passed the bill."}},
		{"District of Columbia", "WASHINGTON, D.C. — The vote was close.",
			[]string{"WASHINGTON, D.C. — The vote was close."}},
		{"two-part dotted state", "CHARLESTON, W.Va. — Miners walked out.",
			[]string{"CHARLESTON, W.Va. — Miners walked out."}},
		{"lower case after the state", "A Boston, Mass. based firm won. It was small.",
			[]string{"A Boston, Mass. based firm won.", "It was small."}},
		{"name after the state", "She works for the Calif. Department of Health. It pays well.",
			[]string{"She works for the Calif. Department of Health.", "It pays well."}},
		{"state ends a sentence", "She moved to Calif. Then she found work.",
			[]string{"She moved to Calif.", "Then she found work."}},
		{"dotted state ends a sentence", "The firm left N.Y. The rent was too high.",
			[]string{"The firm left N.Y.", "The rent was too high."}},
		{"word state ends a sentence", "Every Sunday they attended Mass. Afterwards they ate lunch.",
			[]string{"Every Sunday they attended Mass.", "Afterwards they ate lunch."}},
		{"ill is a word", "By Friday he was Ill. Doctors kept him in.",
			[]string{"By Friday he was Ill.", "Doctors kept him in."}},
		{"word state after a city", "WORCESTER, Mass. — Snow closed schools.",
			[]string{"WORCESTER, Mass. — Snow closed schools."}},
		{"lower-case word is no state", "He fell ill. Doctors kept him in.",
			[]string{"He fell ill.", "Doctors kept him in."}},
	})
}
