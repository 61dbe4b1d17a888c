package article

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// chromePage wraps the body of an article's <article> in a page.
func chromePage(body string) string {
	return "<!DOCTYPE html><html><head><title>T</title></head><body><main><article>\n<h1>Storms close schools</h1>\n" +
		"<p>Storms closed 40 schools on Monday, officials said.</p>\n" + body + "\n</article></main></body></html>\n"
}

func TestHTML_LinkListsArePageChrome(t *testing.T) {
	lead := []string{"Storms close schools", "Storms closed 40 schools on Monday, officials said."}
	cases := []struct {
		name string
		body string
		want []string // blocks after the lead
	}{
		{"heading and list in a plain section", `<section class="more"><h2>Related</h2><ul><li><a href="/o1">Where to see the warbler migration</a></li><li><a href="/o2">Morel season starts early</a></li></ul></section><p>Closing line.</p>`,
			[]string{"Closing line."}},
		{"label in a paragraph", `<div><p><strong>Most read</strong></p><ol><li><a href="/m1">Storm warnings issued</a></li><li><a href="/m2">Rail strike called off</a></li></ol></div>`,
			nil},
		{"label run into its link", `<p><strong>Read more:</strong> <a href="/weather/cool">How to keep your home cool without air conditioning</a></p><p>The reporter is based in Leeds.</p>`,
			[]string{"The reporter is based in Leeds."}},
		{"related with a colon", `<p>Related: <a href="/b">School budget faces $4 million gap</a></p>`, nil},
		{"more from a section, teasers with summaries", `<h2>More from Science</h2><div><h3><a href="/s1">What the eclipse taught us</a></h3><p>Three lessons from April.</p></div><div><h3><a href="/s2">The asteroid sample</a></h3><p>A stuck lid.</p></div><h2>About the author</h2><p>She covers weather.</p>`,
			[]string{"About the author", "She covers weather."}},
		{"a row of topic links", `<div><h2>Related topics</h2><a href="/t/a">Weather</a> <a href="/t/b">Schools</a></div>`, nil},
		{"classes that name the list", `<section class="most-read"><h2>Popular</h2><p>Text of a teaser that is not a link.</p></section><div class="trending-box"><p>Trending text.</p></div><div class="recommended"><p>Recommended text.</p></div>`,
			nil},
		{"a list of facts under the label stays", `<h2>Related</h2><ul><li>Schools in <a href="/york">York</a> closed for two days in 2019.</li><li>The last storm of this size hit in 1987.</li></ul>`,
			[]string{"Related", "Schools in York closed for two days in 2019.", "The last storm of this size hit in 1987."}},
		{"a label with prose after it stays", `<h2>Popular</h2><p>The park is popular with walkers, and it flooded twice this year.</p>`,
			[]string{"Popular", "The park is popular with walkers, and it flooded twice this year."}},
		{"read more in a sentence stays", `<p>Read more about the forecast in <a href="/f">our guide</a>.</p>`,
			[]string{"Read more about the forecast in our guide."}},
		{"a list of links without a label stays", `<p>The council published three notices:</p><ul><li><a href="/n1">Road closures</a></li><li><a href="/n2">Bus diversions</a></li></ul>`,
			[]string{"The council published three notices:", "Road closures", "Bus diversions"}},
		{"a same-level heading ends the list", `<h2>Related</h2><ul><li><a href="/a">Snow in May</a></li></ul><h2>What comes next</h2><p>More rain is due.</p>`,
			[]string{"What comes next", "More rain is due."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := read(t, "a.html", chromePage(c.body), corpus.HTML)
			want := append(append([]string(nil), lead...), c.want...)
			if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
				t.Errorf("blocks\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestHTML_LinksOfADroppedListAreChrome(t *testing.T) {
	page := chromePage(`<p>A study <a href="https://example.org/study">found more storms</a>.</p>` +
		`<section><h2>Related stories</h2><ul><li><a href="https://example.org/a">Snow in May</a></li></ul></section>`)
	doc := read(t, "a.html", page, corpus.HTML)
	got := map[string]corpus.LinkSkip{}
	for _, l := range doc.Links {
		got[l.Href] = l.Skipped
	}
	want := map[string]corpus.LinkSkip{"https://example.org/study": corpus.LinkCandidate, "https://example.org/a": corpus.SkipChrome}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("links %v, want %v", got, want)
	}
}

func TestChromeLabel_TellsLabelsFromSentences(t *testing.T) {
	cases := []struct {
		text  string
		label bool
		rest  string
	}{
		{"Related", true, ""},
		{"RELATED STORIES:", true, ""},
		{"You might also like…", true, ""},
		{"Editor’s picks", true, ""},
		{"More from Comment", true, ""},
		{"More on this story", true, ""},
		{"Read more: Why milk prices keep falling", true, "Why milk prices keep falling"},
		{"More from the survey suggests that most voters agree, officials said.", false, ""},
		{"Related research has shown the same.", false, ""},
		{"Note: the figures are provisional.", false, ""},
		{"Trending upward since 2019", false, ""},
	}
	for _, c := range cases {
		label, rest := chromeLabel(c.text)
		if label != c.label || rest != c.rest {
			t.Errorf("chromeLabel(%q) = %v, %q; want %v, %q", c.text, label, rest, c.label, c.rest)
		}
	}
}

// TestHTML_LabelledNewsPagesLoseTheirLinkLists reads labelled news pages
// of the kinds set whose link lists have no telling class: the lists go,
// the story's last sentences stay.
func TestHTML_LabelledNewsPagesLoseTheirLinkLists(t *testing.T) {
	kinds := filepath.Join("..", "claim", "testdata", "kinds")
	cases := []struct {
		file     string
		gone     []string
		lastKept string
	}{
		{"heldout5/news-cicadas.html", []string{"Related", "Where to see the spring warbler migration", "Morel season"},
			"Correction: An earlier version of this story"},
		{"heldout5/news-nobel-mrna.html", []string{"Most read", "Storm warnings issued", "Rail strike", "Coronavirus"},
			"This story has been updated with comments"},
		{"heldout2/news-heatwave.html", []string{"Read more", "How to keep your home cool"},
			"Hannah Moretti is the Standard-Gazette's climate correspondent"},
		{"tune2/news-dairy-flu.html", []string{"Read more", "Why milk prices keep falling"}, "Luis Ortega is the Post's agriculture reporter"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(kinds, c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc := read(t, c.file, string(data), corpus.HTML)
			texts := blockTexts(doc)
			for _, g := range c.gone {
				for _, b := range texts {
					if strings.HasPrefix(b, g) {
						t.Errorf("block %q is read", b)
					}
				}
			}
			if last := texts[len(texts)-1]; !strings.HasPrefix(last, c.lastKept) {
				t.Errorf("last block %q, want %q…", last, c.lastKept)
			}
		})
	}
}
