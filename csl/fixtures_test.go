package csl

import (
	"fmt"
	"strings"
	"testing"

	"github.com/evident-tools/evident/csl/styles"
)

// fixtureFailures lists the fixtures the processor does not pass yet,
// with what it gets wrong. TestFixtures fails for a failure not listed
// here and for a listed fixture that passes, so the list stays true; it
// is the processor's to-do list, not a place to hide a regression.
var fixtureFailures = map[string]string{
	"citation_author_only":        "author-only keeps the layout's affixes: (Smith)",
	"collapse_year_suffix":        "year-suffix collapsing joins the suffixes and the next year with \", \" instead of year-suffix-delimiter and after-collapse-delimiter: (Smith 2001a, b, c, 2003)",
	"collapse_year_suffix_ranged": "two suffixes are joined with \", \" instead of year-suffix-delimiter, whose default is the layout delimiter: 2001a, d",
	"date_bc":                     "a year below 1000 AD gets no \"ad\" term",
	"disambiguate_givenname_all_names_with_initials": "adds initials that do not tell the names apart (J. Smith 2001a, J. Smith 2001b)",
	"links_html":                         "the DOI link leaves the https://doi.org/ prefix outside the <a>",
	"names_editor_translator":            "an editor who is also the translator is named twice, not once with editortranslator",
	"names_et_al":                        "delimiter-precedes-et-al=\"contextual\" leaves out the comma after two names",
	"quotes":                             "straight double quotes inside a quoted title stay straight: “Why \"most\" findings,”",
	"quotes_curly_nested":                "curly double quotes inside a quoted title stay double (chicago, mla, ieee: baroncohen1985autistic)",
	"second_field_align_html":            "a leading space inside csl-right-inline (\" Alpha\")",
	"text_case_sentence":                 "follows jgm/citeproc, not the specification (see the fixture's pandoc section)",
	"links_markdown_doi_prefix":          "the Markdown DOI link leaves the https://doi.org/ prefix outside the link",
	"links_html_unsafe_scheme":           "a javascript: URL becomes a link in HTML",
	"names_et_al_others":                 "BibTeX's \"and others\" does not count towards et-al-min: Adams, M., Celniker, S., Holt, R., et al. (harvard: adams2000genome, blattner1997complete)",
	"names_et_al_use_last":               "et-al-use-last leaves out the delimiter before the ellipsis: Bob Baker … Eve Evans",
	"names_initialize_with_hyphen_false": "initialize-with-hyphen=\"false\" drops the space too: J.P. Sartre",
	"names_initials_run_together":        "run-together initials (\"HA\") give one initial",
	"number_ordinal_written":             "an edition written \"2nd\" gets a second suffix: \"2ndnd\"",
	"page_range_format_prefixed":         "minimal page ranges keep the prefix and shorten wrongly: e103–e9",
}

// embeddedLocales is the LocaleSource of the built-in locales.
var embeddedLocales = FSLocales(styles.LocaleFS(), "locales")

// runFixture renders a fixture with the processor, one entry or citation
// a line.
func runFixture(fx *fixture) (string, error) {
	st, err := ParseStyle([]byte(fx.csl), fx.name+".csl")
	if err != nil {
		return "", err
	}
	format := map[string]Format{"text": Text, "html": HTML, "markdown": Markdown}[fx.format]
	p, err := New(st, embeddedLocales, Options{Locale: fx.locale, Format: format})
	if err != nil {
		return "", err
	}
	items, err := ItemsFromJSON([]byte(fx.input))
	if err != nil {
		return "", err
	}
	if fx.mode == "bibliography" {
		entries, err := p.Bibliography(items)
		if err != nil {
			return "", err
		}
		var lines []string
		for _, e := range entries {
			lines = append(lines, e.Text)
		}
		if fx.layout != "" {
			l := p.Layout()
			got := fmt.Sprintf("second-field-align=%s hanging-indent=%v line-spacing=%d entry-spacing=%d",
				l.SecondFieldAlign, l.HangingIndent, l.LineSpacing, l.EntrySpacing)
			if got != strings.TrimSpace(fx.layout) {
				return "", fmt.Errorf("layout %q, want %q", got, strings.TrimSpace(fx.layout))
			}
		}
		return strings.Join(lines, "\n"), nil
	}
	cl, _ := fx.clusters()
	clusters := make([]Cluster, len(cl))
	for i, c := range cl {
		for _, ci := range c {
			clusters[i].Items = append(clusters[i].Items, CiteRef{ID: ci.ID, Locator: ci.Locator, Label: ci.Label,
				Prefix: ci.Prefix, Suffix: ci.Suffix, SuppressAuthor: ci.SuppressAuthor, AuthorOnly: ci.AuthorOnly})
		}
	}
	out, err := p.Citations(items, clusters)
	return strings.Join(out, "\n"), err
}

func TestFixtures(t *testing.T) {
	fxs := loadFixtures(t)
	passed := 0
	for _, fx := range fxs {
		t.Run(fx.name, func(t *testing.T) {
			got, err := runFixture(fx)
			want := strings.Join(resultLines(fx.result), "\n")
			if err == nil {
				got = strings.Join(resultLines(got), "\n")
			}
			reason, listed := fixtureFailures[fx.name]
			switch {
			case err == nil && got == want:
				passed++
				if listed {
					t.Errorf("passes now; remove it from fixtureFailures (%s)", reason)
				}
			case listed:
				t.Logf("known failure (%s)", reason)
			case err != nil:
				t.Errorf("%s: %v", fx.path, err)
			default:
				t.Errorf("%s:\n got: %s\nwant: %s", fx.path, strings.ReplaceAll(got, "\n", "\n      "), strings.ReplaceAll(want, "\n", "\n      "))
			}
		})
	}
	t.Logf("%d of %d fixtures pass; %d known failures", passed, len(fxs), len(fixtureFailures))
}
