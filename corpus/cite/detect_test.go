package cite

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// want is an expected marker; its offsets are where its text first occurs
// in the sentence after the previous expected marker.
type want struct {
	text      string
	kind      corpus.MarkerKind
	narrative bool
	cites     []corpus.Cite
}

type detectCase struct {
	name string
	text string
	want []want
}

func nums(ns ...int) []corpus.Cite {
	out := make([]corpus.Cite, len(ns))
	for i, n := range ns {
		out[i] = corpus.Cite{Number: n, Label: strconv.Itoa(n)}
	}
	return out
}

func numW(text string, ns ...int) want {
	return want{text: text, kind: corpus.MarkerNumeric, cites: nums(ns...)}
}

func keys(ks ...string) []corpus.Cite {
	out := make([]corpus.Cite, len(ks))
	for i, k := range ks {
		out[i] = corpus.Cite{Key: k}
	}
	return out
}

func ay(year string, authors ...string) corpus.Cite {
	return corpus.Cite{Year: year, Authors: authors}
}

func with(c corpus.Cite, f func(*corpus.Cite)) corpus.Cite {
	f(&c)
	return c
}

func etAl(c corpus.Cite) corpus.Cite { c.EtAl = true; return c }

func runDetectCases(t *testing.T, cases []detectCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Detect(tc.text)
			if len(got) != len(tc.want) {
				t.Fatalf("Detect(%q): got %d markers %v, want %d", tc.text, len(got), texts(got), len(tc.want))
			}
			from := 0
			for i, w := range tc.want {
				start := strings.Index(tc.text[from:], w.text)
				if start < 0 {
					t.Fatalf("bad test: %q not in %q", w.text, tc.text)
				}
				start += from
				from = start + len(w.text)
				g := got[i]
				if g.Text != w.text || g.Start != start || g.End != start+len(w.text) {
					t.Errorf("marker %d: got %q [%d:%d], want %q [%d:%d]", i, g.Text, g.Start, g.End, w.text, start, start+len(w.text))
				}
				if g.Kind != w.kind || g.Narrative != w.narrative {
					t.Errorf("marker %q: got kind %s narrative %v, want %s %v", g.Text, g.Kind, g.Narrative, w.kind, w.narrative)
				}
				if !reflect.DeepEqual(normCites(g.Cites), normCites(w.cites)) {
					t.Errorf("marker %q cites:\n got  %+v\n want %+v", g.Text, g.Cites, w.cites)
				}
			}
		})
	}
}

// normCites makes empty and nil author lists compare equal.
func normCites(cs []corpus.Cite) []corpus.Cite {
	out := make([]corpus.Cite, len(cs))
	for i, c := range cs {
		if len(c.Authors) == 0 {
			c.Authors = nil
		}
		out[i] = c
	}
	return out
}

func texts(ms []corpus.Marker) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestDetect_NumericForms(t *testing.T) {
	runDetectCases(t, []detectCase{
		{"ParenSingle", "Pain fell after surgery (3).", []want{numW("(3)", 3)}},
		{"ParenList", "Pain fell after surgery (1, 2).", []want{numW("(1, 2)", 1, 2)}},
		{"ParenRangeEnDash", "Pain fell after surgery (1–3).", []want{numW("(1–3)", 1, 2, 3)}},
		{"ParenRangeAndList", "Pain fell after surgery (1-3, 7).", []want{numW("(1-3, 7)", 1, 2, 3, 7)}},
		{"BracketSingle", "Pain fell after surgery [1].", []want{numW("[1]", 1)}},
		{"BracketListNoSpace", "Pain fell after surgery [1,2].", []want{numW("[1,2]", 1, 2)}},
		{"BracketRange", "Pain fell after surgery [1–3].", []want{numW("[1–3]", 1, 2, 3)}},
		{"RangeEmDash", "Pain fell [2—5].", []want{numW("[2—5]", 2, 3, 4, 5)}},
		{"RangeTo", "Pain fell [2 to 5].", []want{numW("[2 to 5]", 2, 3, 4, 5)}},
		{"Semicolons", "Pain fell [4; 6].", []want{numW("[4; 6]", 4, 6)}},
		{"GluedBracket", "Pain fell after surgery[12].", []want{numW("[12]", 12)}},
		{"PLOSRangeOfBrackets", "It is typical in electronics [3]–[5] and elsewhere.", []want{numW("[3]–[5]", 3, 4, 5)}},
		{"BracketLocator", "As argued in [12, p. 4], it holds.", []want{{text: "[12, p. 4]", kind: corpus.MarkerNumeric,
			cites: []corpus.Cite{{Number: 12, Label: "12", Locator: "p. 4"}}}}},
		{"ParenPrefix", "It holds (see 3).", []want{{text: "(see 3)", kind: corpus.MarkerNumeric,
			cites: []corpus.Cite{{Number: 3, Label: "3", Prefix: "see"}}}}},
		{"RefPrefix", "It holds (ref. 3).", []want{{text: "(ref. 3)", kind: corpus.MarkerNumeric,
			cites: []corpus.Cite{{Number: 3, Label: "3", Prefix: "ref."}}}}},
		{"UnicodeSuperscriptNumber", "As shown before¹²³ it holds.", []want{numW("¹²³", 123)}},
		{"UnicodeSuperscriptRange", "As shown before¹⁻³ it holds.", []want{numW("¹⁻³", 1, 2, 3)}},
		{"UnicodeSuperscriptList", "As shown before¹,² it holds.", []want{numW("¹,²", 1, 2)}},
		{"UnicodeSuperscriptAfterPeriod", "It holds.¹⁰ Then more.", []want{numW("¹⁰", 10)}},
		{"CaretSuperscriptList", "As shown before^1,2^ it holds.", []want{numW("^1,2^", 1, 2)}},
		{"CaretSuperscriptSingle", "As shown before^3^.", []want{numW("^3^", 3)}},
		{"CaretSuperscriptRange", "As shown before^1-3^, it holds.", []want{numW("^1-3^", 1, 2, 3)}},
		{"CaretSuperscriptAfterSpace", "As shown before ^3^, it holds.", []want{numW("^3^", 3)}},
		{"LargeNumber", "See the review [1024].", []want{numW("[1024]", 1024)}},
	})
}

func TestDetect_FootnoteForms(t *testing.T) {
	runDetectCases(t, []detectCase{
		{"Numbered", "A claim.[^1]", []want{{text: "[^1]", kind: corpus.MarkerFootnote, cites: []corpus.Cite{{Number: 1, Label: "1"}}}}},
		{"Named", "A claim[^note] here.", []want{{text: "[^note]", kind: corpus.MarkerFootnote, cites: []corpus.Cite{{Label: "note"}}}}},
		{"FromLaTeX", "A claim[^fn3] here.", []want{{text: "[^fn3]", kind: corpus.MarkerFootnote, cites: []corpus.Cite{{Number: 3, Label: "fn3"}}}}},
		{"Adjacent", "A claim[^1][^2].", []want{
			{text: "[^1]", kind: corpus.MarkerFootnote, cites: []corpus.Cite{{Number: 1, Label: "1"}}},
			{text: "[^2]", kind: corpus.MarkerFootnote, cites: []corpus.Cite{{Number: 2, Label: "2"}}},
		}},
	})
}

func TestDetect_AuthorYearParenthetical(t *testing.T) {
	ayW := func(text string, cites ...corpus.Cite) want {
		return want{text: text, kind: corpus.MarkerAuthorYear, cites: cites}
	}
	runDetectCases(t, []detectCase{
		{"OneAuthor", "It works (Smith, 2019).", []want{ayW("(Smith, 2019)", ay("2019", "Smith"))}},
		{"Ampersand", "It works (Smith & Jones, 2019).", []want{ayW("(Smith & Jones, 2019)", ay("2019", "Smith", "Jones"))}},
		{"AndNoComma", "It works (Smith and Jones 2019).", []want{ayW("(Smith and Jones 2019)", ay("2019", "Smith", "Jones"))}},
		{"SerialList", "It works (Smith, Jones, & Lee, 2019).", []want{ayW("(Smith, Jones, & Lee, 2019)", ay("2019", "Smith", "Jones", "Lee"))}},
		{"EtAlSuffixAndLocator", "It works (Smith et al., 2019a; Jones, 2020, p. 4).", []want{ayW("(Smith et al., 2019a; Jones, 2020, p. 4)",
			with(etAl(ay("2019", "Smith")), func(c *corpus.Cite) { c.Suffix = "a" }),
			with(ay("2020", "Jones"), func(c *corpus.Cite) { c.Locator = "p. 4" }))}},
		{"EtAlNoComma", "It works (Smith et al. 2019).", []want{ayW("(Smith et al. 2019)", etAl(ay("2019", "Smith")))}},
		{"PrefixSee", "It works (see Smith, 2019).", []want{ayW("(see Smith, 2019)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Prefix = "see" }))}},
		{"PrefixEgTwoYears", "It works (e.g., Smith 2019, 2020).", []want{ayW("(e.g., Smith 2019, 2020)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Prefix = "e.g." }), ay("2020", "Smith"))}},
		{"PrefixPerItem", "It works (Smith 2019; see also Jones & Lee, 2020).", []want{ayW("(Smith 2019; see also Jones & Lee, 2020)",
			ay("2019", "Smith"), with(ay("2020", "Jones", "Lee"), func(c *corpus.Cite) { c.Prefix = "see also" }))}},
		{"PagesLocator", "It works (Smith, 2019, pp. 33–35).", []want{ayW("(Smith, 2019, pp. 33–35)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Locator = "pp. 33–35" }))}},
		{"ChapterLocator", "It works (Smith, 2019, chap. 2).", []want{ayW("(Smith, 2019, chap. 2)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Locator = "chap. 2" }))}},
		{"HarvardColonLocator", "It works (Smith 2019: 45).", []want{ayW("(Smith 2019: 45)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Locator = "45" }))}},
		{"SuffixLetters", "It works (Smith 2019a, b).", []want{ayW("(Smith 2019a, b)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Suffix = "a" }),
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Suffix = "b" }))}},
		{"AndSeparatedGroups", "It works (Smith 2019 and Jones 2020).", []want{ayW("(Smith 2019 and Jones 2020)", ay("2019", "Smith"), ay("2020", "Jones"))}},
		{"CommaSeparatedGroups", "It works (Smith 2019, Jones 2020).", []want{ayW("(Smith 2019, Jones 2020)", ay("2019", "Smith"), ay("2020", "Jones"))}},
		{"NoDate", "It works (Smith, n.d.).", []want{ayW("(Smith, n.d.)", ay("n.d.", "Smith"))}},
		{"InPress", "It works (Jones, in press).", []want{ayW("(Jones, in press)", ay("in press", "Jones"))}},
		{"Forthcoming", "It works (Lee, forthcoming).", []want{ayW("(Lee, forthcoming)", ay("forthcoming", "Lee"))}},
		{"ParticleVanDer", "It works (van der Berg, 2018).", []want{ayW("(van der Berg, 2018)", ay("2018", "van der Berg"))}},
		{"CapitalParticle", "It works (De Souza, 2017).", []want{ayW("(De Souza, 2017)", ay("2017", "De Souza"))}},
		{"ParticleDeLa", "It works (see de la Cruz, 2020).", []want{ayW("(see de la Cruz, 2020)",
			with(ay("2020", "de la Cruz"), func(c *corpus.Cite) { c.Prefix = "see" }))}},
		{"Hyphenated", "It works (Lloyd-Jones, 2015).", []want{ayW("(Lloyd-Jones, 2015)", ay("2015", "Lloyd-Jones"))}},
		{"Apostrophe", "It works (O’Brien 2010).", []want{ayW("(O’Brien 2010)", ay("2010", "O’Brien"))}},
		{"Umlaut", "It works (Müller, 2017).", []want{ayW("(Müller, 2017)", ay("2017", "Müller"))}},
		{"Slashed", "It works (Øster 2016).", []want{ayW("(Øster 2016)", ay("2016", "Øster"))}},
		{"CorporateName", "It works (World Health Organization, 2021).", []want{ayW("(World Health Organization, 2021)", ay("2021", "World Health Organization"))}},
		{"CorporateAcronym", "It works (WHO, 2021).", []want{ayW("(WHO, 2021)", ay("2021", "WHO"))}},
		{"CorporateWithAbbreviation", "It works (Centers for Disease Control and Prevention [CDC], 2020).",
			[]want{ayW("(Centers for Disease Control and Prevention [CDC], 2020)", ay("2020", "Centers for Disease Control and Prevention"))}},
		{"CorporateWithAnd", "It works (Food and Drug Administration, 2020).", []want{ayW("(Food and Drug Administration, 2020)", ay("2020", "Food and Drug Administration"))}},
		{"AbbreviatedCorporate", "It works (U.S. Food and Drug Administration, 2011).", []want{ayW("(U.S. Food and Drug Administration, 2011)", ay("2011", "U.S. Food and Drug Administration"))}},
		{"InitialDisambiguates", "It works (J. Smith, 2019).", []want{ayW("(J. Smith, 2019)", ay("2019", "J. Smith"))}},
		{"NotesSkipped", "Cells were counted (n = 1200; Smith, 2019).", []want{ayW("(n = 1200; Smith, 2019)", ay("2019", "Smith"))}},
		{"SquareBrackets", "It works [Smith, 2019].", []want{ayW("[Smith, 2019]", ay("2019", "Smith"))}},
		{"HistoricYear", "It works (Aquinas, 1265).", []want{ayW("(Aquinas, 1265)", ay("1265", "Aquinas"))}},
	})
}

func TestDetect_AuthorYearNarrative(t *testing.T) {
	nar := func(text string, cites ...corpus.Cite) want {
		return want{text: text, kind: corpus.MarkerAuthorYear, narrative: true, cites: cites}
	}
	runDetectCases(t, []detectCase{
		{"EtAl", "Smith et al. (2019) showed it.", []want{nar("Smith et al. (2019)", etAl(ay("2019", "Smith")))}},
		{"TwoAuthors", "As Smith and Jones (2020) argue, it holds.", []want{nar("Smith and Jones (2020)", ay("2020", "Smith", "Jones"))}},
		{"Ampersand", "As Smith & Jones (2020) argue, it holds.", []want{nar("Smith & Jones (2020)", ay("2020", "Smith", "Jones"))}},
		{"SerialComma", "Smith, Jones, and Lee (2019) found it.", []want{nar("Smith, Jones, and Lee (2019)", ay("2019", "Smith", "Jones", "Lee"))}},
		{"TwoYearsWithSuffixes", "As did Smith (2019a, 2019b).", []want{nar("Smith (2019a, 2019b)",
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Suffix = "a" }),
			with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Suffix = "b" }))}},
		{"TwoYears", "As did Smith (2019, 2020).", []want{nar("Smith (2019, 2020)", ay("2019", "Smith"), ay("2020", "Smith"))}},
		{"Locator", "Smith (2019, p. 4) says so.", []want{nar("Smith (2019, p. 4)", with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Locator = "p. 4" }))}},
		{"PossessiveEtAl", "In Smith et al.’s (2019) view it holds.", []want{nar("Smith et al.’s (2019)", etAl(ay("2019", "Smith")))}},
		{"Possessive", "In Smith's (2019) view it holds.", []want{nar("Smith's (2019)", ay("2019", "Smith"))}},
		{"Particles", "According to van der Berg (2018), it holds.", []want{nar("van der Berg (2018)", ay("2018", "van der Berg"))}},
		{"CapitalParticle", "According to De Souza (2019), it holds.", []want{nar("De Souza (2019)", ay("2019", "De Souza"))}},
		{"Hyphenated", "According to Lloyd-Jones (2015), it holds.", []want{nar("Lloyd-Jones (2015)", ay("2015", "Lloyd-Jones"))}},
		{"Corporate", "The World Health Organization (2021) said so.", []want{nar("World Health Organization (2021)", ay("2021", "World Health Organization"))}},
		{"Acronym", "The WHO (2021) said so.", []want{nar("WHO (2021)", ay("2021", "WHO"))}},
		{"NoDate", "Smith (n.d.) said so.", []want{nar("Smith (n.d.)", ay("n.d.", "Smith"))}},
		{"InPress", "Smith (in press) said so.", []want{nar("Smith (in press)", ay("in press", "Smith"))}},
		{"NoBreakSpace", "Yoshikawa et al.\u00a0(2019) agree.", []want{nar("Yoshikawa et al.\u00a0(2019)", etAl(ay("2019", "Yoshikawa")))}},
		{"ProseWordNotAName", "Using Smith (2019) was easy.", []want{nar("Smith (2019)", ay("2019", "Smith"))}},
	})
}

func TestDetect_PandocForms(t *testing.T) {
	key := func(text string, cites ...corpus.Cite) want {
		return want{text: text, kind: corpus.MarkerKey, cites: cites}
	}
	runDetectCases(t, []detectCase{
		{"One", "It holds [@key].", []want{key("[@key]", keys("key")...)}},
		{"Two", "It holds [@a; @b].", []want{key("[@a; @b]", keys("a", "b")...)}},
		{"PrefixLocator", "It holds [see @key, p. 33].", []want{key("[see @key, p. 33]", corpus.Cite{Key: "key", Prefix: "see", Locator: "p. 33"})}},
		{"SuppressAuthor", "Smith says [-@key].", []want{key("[-@key]", keys("key")...)}},
		{"LongLocator", "It holds [@key, pp. 33-35 and passim].", []want{key("[@key, pp. 33-35 and passim]", corpus.Cite{Key: "key", Locator: "pp. 33-35 and passim"})}},
		{"PerItemLocator", "It holds [@smith2019; @doe2020, chap. 2].", []want{key("[@smith2019; @doe2020, chap. 2]", corpus.Cite{Key: "smith2019"}, corpus.Cite{Key: "doe2020", Locator: "chap. 2"})}},
		{"ManubotDOI", "It holds [@doi:10.1038/nature14539].", []want{key("[@doi:10.1038/nature14539]", keys("doi:10.1038/nature14539")...)}},
		{"ManubotPMID", "It holds [@pmid:123].", []want{key("[@pmid:123]", keys("pmid:123")...)}},
		{"ManubotTag", "It holds [@tag:Zhou2015_deep_sea].", []want{key("[@tag:Zhou2015_deep_sea]", keys("tag:Zhou2015_deep_sea")...)}},
		{"ManubotArxiv", "It holds [@arxiv:1706.03762].", []want{key("[@arxiv:1706.03762]", keys("arxiv:1706.03762")...)}},
		{"ManubotURL", "It holds [@url:https://example.org/a/b.html].", []want{key("[@url:https://example.org/a/b.html]", keys("url:https://example.org/a/b.html")...)}},
		{"BracedKey", "It holds [@{https://example.org/x(1)}].", []want{key("[@{https://example.org/x(1)}]", keys("https://example.org/x(1)")...)}},
		{"CrossRefDroppedFromMixed", "It holds [@fig:a; @smith2019].", []want{key("[@fig:a; @smith2019]", keys("smith2019")...)}},
		{"Narrative", "As @smith2019 says, it holds.", []want{{text: "@smith2019", kind: corpus.MarkerKey, narrative: true, cites: keys("smith2019")}}},
		{"NarrativeManubot", "As @doi:10.1038/x shows.", []want{{text: "@doi:10.1038/x", kind: corpus.MarkerKey, narrative: true, cites: keys("doi:10.1038/x")}}},
		{"NarrativeLocator", "As @knuth1984 [p. 33] says.", []want{{text: "@knuth1984 [p. 33]", kind: corpus.MarkerKey, narrative: true,
			cites: []corpus.Cite{{Key: "knuth1984", Locator: "p. 33"}}}}},
	})
}

func TestDetect_LaTeXForms(t *testing.T) {
	key := func(text string, narrative bool, cites ...corpus.Cite) want {
		return want{text: text, kind: corpus.MarkerKey, narrative: narrative, cites: cites}
	}
	runDetectCases(t, []detectCase{
		{"CiteTwoKeys", `It holds \cite{a,b}.`, []want{key(`\cite{a,b}`, false, keys("a", "b")...)}},
		{"CitepNotes", `It holds \citep[see][p.~3]{x}.`, []want{key(`\citep[see][p.~3]{x}`, false, corpus.Cite{Key: "x", Prefix: "see", Locator: "p. 3"})}},
		{"CitepPostnoteOnLastKey", `It holds \citep[p.~4]{g, h}.`, []want{key(`\citep[p.~4]{g, h}`, false, corpus.Cite{Key: "g"}, corpus.Cite{Key: "h", Locator: "p. 4"})}},
		{"CitepPrenoteOnly", `It holds \citep[e.g.,][]{x}.`, []want{key(`\citep[e.g.,][]{x}`, false, corpus.Cite{Key: "x", Prefix: "e.g.,"})}},
		{"Citet", `\citet{x} shows it.`, []want{key(`\citet{x}`, true, keys("x")...)}},
		{"Parencite", `It holds \parencite{y}.`, []want{key(`\parencite{y}`, false, keys("y")...)}},
		{"Textcite", `\textcite{z} shows it.`, []want{key(`\textcite{z}`, true, keys("z")...)}},
		{"Autocite", `It holds \autocite[chap.~2]{a}.`, []want{key(`\autocite[chap.~2]{a}`, false, corpus.Cite{Key: "a", Locator: "chap. 2"})}},
		{"Footcite", `It holds\footcite{b}.`, []want{key(`\footcite{b}`, false, keys("b")...)}},
		{"Nocite", `\nocite{c}`, []want{key(`\nocite{c}`, false, keys("c")...)}},
		{"Starred", `It holds \cite*{d}.`, []want{key(`\cite*{d}`, false, keys("d")...)}},
		{"Citeauthor", `\citeauthor{e} shows it.`, []want{key(`\citeauthor{e}`, true, keys("e")...)}},
		{"Citeyear", `In \citeyear{f} it held.`, []want{key(`\citeyear{f}`, false, keys("f")...)}},
		{"Cites", `It holds \cites[see][12]{a}[34]{b}.`, []want{key(`\cites[see][12]{a}[34]{b}`, false,
			corpus.Cite{Key: "a", Prefix: "see", Locator: "12"}, corpus.Cite{Key: "b", Locator: "34"})}},
		{"AdjacentCommands", `As in \cite{a}\cite{b}.`, []want{key(`\cite{a}`, false, keys("a")...), key(`\cite{b}`, false, keys("b")...)}},
		{"KeysAcrossLines", "It holds \\cite{a,\n  b}.", []want{key("\\cite{a,\n  b}", false, keys("a", "b")...)}},
		{"NocitStarCitesNothing", `\nocite{*} It holds \cite{a}.`, []want{key(`\cite{a}`, false, keys("a")...)}},
	})
}

func TestDetect_MixedSentenceOffsets(t *testing.T) {
	text := "Smith et al. (2019) found it [3], as did others¹,² and (Lee, 2020) [@k1; @k2] \\cite{x}[^n]."
	got := Detect(text)
	type span struct {
		text       string
		start, end int
		kind       corpus.MarkerKind
	}
	wantSpans := []span{
		{"Smith et al. (2019)", 0, 19, corpus.MarkerAuthorYear},
		{"[3]", 29, 32, corpus.MarkerNumeric},
		{"¹,²", 47, 52, corpus.MarkerNumeric},
		{"(Lee, 2020)", 57, 68, corpus.MarkerAuthorYear},
		{"[@k1; @k2]", 69, 79, corpus.MarkerKey},
		{`\cite{x}`, 80, 88, corpus.MarkerKey},
		{"[^n]", 88, 92, corpus.MarkerFootnote},
	}
	if len(got) != len(wantSpans) {
		t.Fatalf("got %d markers %q, want %d", len(got), texts(got), len(wantSpans))
	}
	for i, w := range wantSpans {
		g := got[i]
		if g.Text != w.text || g.Start != w.start || g.End != w.end || g.Kind != w.kind {
			t.Errorf("marker %d: got %q [%d:%d] %s, want %q [%d:%d] %s", i, g.Text, g.Start, g.End, g.Kind, w.text, w.start, w.end, w.kind)
		}
		if text[g.Start:g.End] != g.Text {
			t.Errorf("marker %d: text[%d:%d] = %q, Text = %q", i, g.Start, g.End, text[g.Start:g.End], g.Text)
		}
	}
}

func TestDetect_SeveralNarrativesInOneSentence(t *testing.T) {
	runDetectCases(t, []detectCase{{"ThreeNarratives",
		"Smith et al. (2019) showed this, and Smith and Jones (2020) agreed, as did Smith (2019a, 2019b).",
		[]want{
			{text: "Smith et al. (2019)", kind: corpus.MarkerAuthorYear, narrative: true, cites: []corpus.Cite{etAl(ay("2019", "Smith"))}},
			{text: "Smith and Jones (2020)", kind: corpus.MarkerAuthorYear, narrative: true, cites: []corpus.Cite{ay("2020", "Smith", "Jones")}},
			{text: "Smith (2019a, 2019b)", kind: corpus.MarkerAuthorYear, narrative: true, cites: []corpus.Cite{
				with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Suffix = "a" }),
				with(ay("2019", "Smith"), func(c *corpus.Cite) { c.Suffix = "b" })}},
		}},
		{"NarrativeThenNumeric", "Dwork and Roth [152] demonstrate it.", []want{numW("[152]", 152)}},
	})
}
