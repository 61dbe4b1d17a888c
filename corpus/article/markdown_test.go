package article

import (
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestMarkdown_BlocksByKindWithPositions(t *testing.T) {
	src := `# Caffeine and sleep

Caffeine *delays* sleep onset by **about** 20 minutes [@drake2013].
It also shortens deep sleep.

> A quoted claim about coffee (Smith et al., 2019).

1. First numbered point.
2. Second point with [a link](https://example.org).

| Dose | Effect |
|------|--------|
| 200 mg | delay [3] |

` + "```" + `
code is not prose.
` + "```" + `

    indented code is not prose either.
`
	doc := read(t, "a.md", src, corpus.Markdown)
	type kb struct {
		Kind corpus.BlockKind
		Text string
	}
	var got []kb
	for _, b := range doc.Blocks {
		got = append(got, kb{b.Kind, b.Text})
	}
	want := []kb{
		{corpus.KindHeading, "Caffeine and sleep"},
		{corpus.KindSentence, "Caffeine delays sleep onset by about 20 minutes [@drake2013]. It also shortens deep sleep."},
		{corpus.KindSentence, "A quoted claim about coffee (Smith et al., 2019)."},
		{corpus.KindListItem, "First numbered point."},
		{corpus.KindListItem, "Second point with a link."},
		{corpus.KindTableCell, "Dose"},
		{corpus.KindTableCell, "Effect"},
		{corpus.KindTableCell, "200 mg"},
		{corpus.KindTableCell, "delay [3]"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	p := block(t, doc, "Caffeine delays")
	if got, want := posOf(t, p, "[@drake2013]"), (corpus.Position{Line: 3, Col: 55}); got != want {
		t.Errorf("[@drake2013] at %v, want %v", got, want)
	}
	if got, want := posOf(t, p, "It also"), (corpus.Position{Line: 4, Col: 1}); got != want {
		t.Errorf("second line at %v, want %v", got, want)
	}
	if got, want := posOf(t, block(t, doc, "delay"), "[3]"), (corpus.Position{Line: 13, Col: 18}); got != want {
		t.Errorf("table marker at %v, want %v", got, want)
	}
	if doc.Title != "Caffeine and sleep" {
		t.Errorf("Title = %q, want the first heading", doc.Title)
	}
}

func TestMarkdown_PandocCitationsSurviveAsWritten(t *testing.T) {
	src := `Sleep debt accumulates [@van2003; @belenky2003].
Naps help [see @mednick2003, p. 33] but not always [-@lovato2010].
@walker2017 argues otherwise [@{https://example.org/a}].
Aliases are links to goldmark [@coffee-review].

[@coffee-review]: doi:10.1000/xyz
`
	doc := read(t, "a.md", src, corpus.Markdown)
	text := block(t, doc, "Sleep debt").Text
	for _, m := range []string{"[@van2003; @belenky2003]", "[see @mednick2003, p. 33]", "[-@lovato2010]", "@walker2017", "[@{https://example.org/a}]", "[@coffee-review]"} {
		if !strings.Contains(text, m) {
			t.Errorf("%q lost from %q", m, text)
		}
	}
	if strings.Contains(allText(doc), "doi:10.1000/xyz") {
		t.Errorf("the alias definition became text")
	}
	if got, want := posOf(t, block(t, doc, "Sleep debt"), "[@coffee-review]"), (corpus.Position{Line: 4, Col: 31}); got != want {
		t.Errorf("alias citation at %v, want %v", got, want)
	}
}

func TestMarkdown_SuperscriptsAndFootnotes(t *testing.T) {
	src := `Melatonin shortens jet lag.^1,2^ Light helps too.<sup>3</sup>
Timing matters.[^t] So does dose.[^dose]

[^t]: Evening doses work best.
[^dose]: See the review by Herxheimer.

    Its second paragraph.
`
	doc := read(t, "a.md", src, corpus.Markdown)
	p := block(t, doc, "Melatonin")
	for _, m := range []string{"lag.^1,2^", "too.^3^", "matters.[^t]", "dose.[^dose]"} {
		if !strings.Contains(p.Text, m) {
			t.Errorf("%q missing from %q", m, p.Text)
		}
	}
	if got, want := posOf(t, p, "[^dose]"), (corpus.Position{Line: 2, Col: 34}); got != want {
		t.Errorf("[^dose] at %v, want %v", got, want)
	}
	var notes []string
	for _, b := range doc.Blocks {
		if b.Kind == corpus.KindFootnote {
			notes = append(notes, b.Footnote+": "+b.Text)
		}
	}
	want := []string{"t: Evening doses work best.", "dose: See the review by Herxheimer.", "dose: Its second paragraph."}
	if !reflect.DeepEqual(notes, want) {
		t.Errorf("footnotes = %q, want %q", notes, want)
	}
	if got, want := block(t, doc, "Evening").Pos[0], (corpus.Position{Line: 4, Col: 7}); got != want {
		t.Errorf("footnote body at %v, want %v", got, want)
	}
}

func TestMarkdown_InlineMarkup(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"emphasis dropped", "A *very* __strong__ claim.", "A very strong claim."},
		{"inline code kept verbatim", "Run `go test` now.", "Run go test now."},
		{"link text kept", "See [the trial](https://example.org \"title\").", "See the trial."},
		{"reference link text kept", "See [the trial][t].\n\n[t]: https://example.org", "See the trial."},
		{"autolink kept", "At <https://example.org/x>.", "At https://example.org/x."},
		{"escapes resolved", `Use \*stars\* and \[brackets\].`, "Use *stars* and [brackets]."},
		{"entities decoded", "Salt &amp; pepper &#8211; both.", "Salt & pepper – both."},
		{"image in text dropped", "A chart ![chart](c.png) here.", "A chart here."},
		{"hard break is a space", "One line  \nand the next.", "One line and the next."},
		{"pandoc attributes dropped", "A [highlighted]{.mark} word.", "A highlighted word."},
		{"html inline tags", "Water <em>boils</em> at 100 °C.<br>Usually.", "Water boils at 100 °C. Usually."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := read(t, "a.md", c.src, corpus.Markdown)
			if len(doc.Blocks) == 0 || doc.Blocks[0].Text != c.want {
				t.Errorf("text = %q, want %q", blockTexts(doc), c.want)
			}
		})
	}
}

func TestMarkdown_FrontMatterGivesTitleAndIsSkipped(t *testing.T) {
	src := "---\ntitle: 'Coffee: a review'\nauthor: Someone\nbibliography:\n  - refs.bib\n  - more.json\n---\n\nBody text here.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	if doc.Title != "Coffee: a review" {
		t.Errorf("Title = %q", doc.Title)
	}
	if !reflect.DeepEqual(doc.Bibliography, []string{"refs.bib", "more.json"}) {
		t.Errorf("Bibliography = %q", doc.Bibliography)
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Body text here."}) {
		t.Errorf("blocks = %q", got)
	}
	if got := doc.Blocks[0].Pos[0]; got != (corpus.Position{Line: 9, Col: 1}) {
		t.Errorf("body at %v, want 9:1", got)
	}
}

func TestMarkdown_HTMLBlocksGiveTextWithoutScripts(t *testing.T) {
	src := "Before.\n\n<div class=\"note\">\n<p>Inside <b>html</b> block.<sup>4</sup></p>\n<script>var hidden = 1;</script>\n</div>\n\n<!-- a comment -->\n\nAfter.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	want := []string{"Before.", "Inside html block.^4^", "After."}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
	if got := posOf(t, block(t, doc, "Inside"), "html"); got != (corpus.Position{Line: 4, Col: 14}) {
		t.Errorf("html text at %v, want 4:14", got)
	}
}

// TestMarkdown_InlineScriptIsNotText: raw HTML inside a paragraph keeps
// the text of ordinary elements and drops that of script, style, iframe and
// the like, up to the closing tag, even across emphasis.
func TestMarkdown_InlineScriptIsNotText(t *testing.T) {
	src := "Sugar <script>alert(\"Scripts cure 80% (9)\")</script>raises <span onclick=\"x()\">caries</span> risk." +
		" <style>p { color: red }</style>Then <iframe src=\"javascript:alert(1)\">frame *fallback</iframe> text*." +
		" <svg/>Self-closed.\n\nNext <script>never closed in this paragraph.\n\nIs read again.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	want := []string{"Sugar raises caries risk. Then text. Self-closed.", "Next", "Is read again."}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
}

func TestMarkdown_ImageAloneIsACaption(t *testing.T) {
	doc := read(t, "a.md", "![Sleep stages by hour [@lee2020].](fig.png){#fig:stages}\n", corpus.Markdown)
	b := doc.Blocks[0]
	if b.Kind != corpus.KindCaption || b.Text != "Sleep stages by hour [@lee2020]." {
		t.Errorf("got %s %q", b.Kind, b.Text)
	}
}

func TestMarkdown_PandocDivFencesAreNotText(t *testing.T) {
	doc := read(t, "a.md", "::: {.warning}\nMind the dose.\n:::\n", corpus.Markdown)
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Mind the dose."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestMarkdown_CRLFAndBOMKeepPositions(t *testing.T) {
	src := "\xEF\xBB\xBF# Title\r\n\r\nFirst line\r\nsecond line.\r\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	b := block(t, doc, "First")
	if b.Text != "First line second line." {
		t.Errorf("text = %q", b.Text)
	}
	if got := posOf(t, b, "second"); got != (corpus.Position{Line: 4, Col: 1}) {
		t.Errorf("second line at %v, want 4:1", got)
	}
}

// TestMarkdown_DeepNestingIsBounded reads lines that open 100,000 block
// containers, and emphasis nested 100,000 deep, with the stack held to
// 16 MB: markers past the nesting limit, and emphasis delimiters past the
// block's budget (emphasisBound), are read as text, and nothing recurses
// once per level.
func TestMarkdown_DeepNestingIsBounded(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	const n = 100_000
	for _, tc := range []struct {
		name, src string
		kind      corpus.BlockKind
		text      string // the block's text must end with this
	}{
		{"bullets", strings.Repeat("- ", n) + "deep", corpus.KindListItem, "- - deep"},
		{"numbers", strings.Repeat("1. ", n) + "deep", corpus.KindListItem, "1. 1. deep"},
		{"quotes", strings.Repeat(">", n) + " deep", corpus.KindSentence, ">>> deep"},
		{"footnotes", "See[^a].\n\n" + strings.Repeat("[^a]: ", n) + "deep", corpus.KindSentence, "See[^a]."},
		// Past emphasisBound's budget for the block, delimiters are text.
		{"emphasis", strings.Repeat("*a ", n) + "deep" + strings.Repeat(" b*", n), corpus.KindSentence, "deep b* b*"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := read(t, tc.name+".md", tc.src, corpus.Markdown)
			var found bool
			for _, b := range doc.Blocks {
				if strings.HasSuffix(b.Text, tc.text) || strings.Contains(b.Text, tc.text) {
					found = true
					if b.Kind != tc.kind {
						t.Errorf("kind %s, want %s", b.Kind, tc.kind)
					}
				}
			}
			if !found {
				t.Errorf("no block with %q among %d blocks", tc.text, len(doc.Blocks))
			}
		})
	}
}

// TestMarkdown_LongThematicBreakIsNotNesting: a rule written as hundreds of
// "- " is a rule, not a list nested past the limit.
func TestMarkdown_LongThematicBreakIsNotNesting(t *testing.T) {
	doc := read(t, "rule.md", "Before.\n\n"+strings.Repeat("- ", 300)+"\n\nAfter.\n", corpus.Markdown)
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Before.", "After."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestCitationAliases_ReadsManubotDefinitionLines(t *testing.T) {
	src := "Text [@tag:a].\n\n[@tag:a]: doi:10.1/abc\n   [@tag:b]: <https://example.org/x>\n[@tag:a]: doi:10.2/later\n" +
		"    [@tag:code]: doi:10.3/indented\n[@tag:c]: two words\n[@]: doi:10.4/empty\n[not]: doi:10.5/plain\n"
	got := CitationAliases(src)
	want := map[string]string{"tag:a": "doi:10.1/abc", "tag:b": "https://example.org/x"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CitationAliases = %q, want %q", got, want)
	}
	doc := read(t, "a.md", src, corpus.Markdown)
	if !reflect.DeepEqual(doc.CiteAliases, want) {
		t.Errorf("Document.CiteAliases = %q", doc.CiteAliases)
	}
}
