package csl

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A fixture is one test in the manner of the CSL processor test-suite:
// a style, CSL-JSON items and the expected output, in a plain text file of
// sections, each opened by a line "== name ==":
//
//	== mode ==            bibliography or citation
//	== format ==          text (the default), html or markdown
//	== locale ==          optional: overrides the style's default-locale
//	== csl ==             the style; without a <style> element the section
//	                      is the inside of one (macros, citation,
//	                      bibliography), wrapped with an in-text header
//	== input ==           the items, a CSL-JSON array
//	== citation-items ==  citation mode: a JSON array of clusters, each an
//	                      array of {"id", "locator", "label", "prefix",
//	                      "suffix", "suppress-author", "author-only"}
//	== result ==          one bibliography entry or one citation a line
//	== layout ==          optional, bibliography: the list's layout options
//	                      as the processor reports them for HTML
//	                      ("second-field-align=flush hanging-indent=true
//	                      line-spacing=2 entry-spacing=0"); pandoc has no
//	                      such report, so it is not cross-checked
//	== pandoc ==          optional: pandoc's citeproc result where the
//	                      fixture deliberately differs from it, and why
//	                      (a "why:" line first)
//
// Lines before the first section are a comment saying what is tested.
type fixture struct {
	name, path                   string
	mode, format, locale         string
	csl, input, citations        string
	result, pandoc, pandocReason string
	layout                       string
}

// fixtureCite is one item of a citation-items cluster.
type fixtureCite struct {
	ID             string `json:"id"`
	Locator        string `json:"locator"`
	Label          string `json:"label"`
	Prefix         string `json:"prefix"`
	Suffix         string `json:"suffix"`
	SuppressAuthor bool   `json:"suppress-author"`
	AuthorOnly     bool   `json:"author-only"`
}

const fixtureDir = "testdata/fixtures"

// loadFixtures reads every fixture, sorted by name.
func loadFixtures(t *testing.T) []*fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s (%v)", fixtureDir, err)
	}
	sort.Strings(paths)
	var out []*fixture
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fx, err := parseFixture(p, string(src))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fx)
	}
	return out
}

func parseFixture(path, src string) (*fixture, error) {
	fx := &fixture{name: strings.TrimSuffix(filepath.Base(path), ".txt"), path: path, format: "text"}
	sections := map[string]*string{
		"mode": &fx.mode, "format": &fx.format, "locale": &fx.locale, "csl": &fx.csl, "input": &fx.input,
		"citation-items": &fx.citations, "result": &fx.result, "pandoc": &fx.pandoc, "layout": &fx.layout,
	}
	var cur *string
	var body []string
	flush := func() {
		if cur != nil {
			*cur = strings.Trim(strings.Join(body, "\n"), "\n")
		}
		body = nil
	}
	for n, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(line, "== ") && strings.HasSuffix(line, " ==") {
			flush()
			name := strings.TrimSpace(line[3 : len(line)-3])
			p, ok := sections[name]
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown section %q", path, n+1, name)
			}
			cur = p
			continue
		}
		body = append(body, line)
	}
	flush()
	fx.mode, fx.format, fx.locale = strings.TrimSpace(fx.mode), strings.TrimSpace(fx.format), strings.TrimSpace(fx.locale)
	if fx.format == "" {
		fx.format = "text"
	}
	switch {
	case fx.mode != "bibliography" && fx.mode != "citation":
		return nil, fmt.Errorf("%s: mode %q, want bibliography or citation", path, fx.mode)
	case fx.format != "text" && fx.format != "html" && fx.format != "markdown":
		return nil, fmt.Errorf("%s: format %q, want text, html or markdown", path, fx.format)
	case fx.csl == "" || fx.input == "" || fx.result == "":
		return nil, fmt.Errorf("%s: csl, input and result are required", path)
	case fx.mode == "citation" && fx.citations == "":
		return nil, fmt.Errorf("%s: a citation fixture needs citation-items", path)
	}
	if fx.pandoc != "" {
		why, rest, _ := strings.Cut(fx.pandoc, "\n")
		if !strings.HasPrefix(why, "why:") {
			return nil, fmt.Errorf("%s: the pandoc section starts with a why: line", path)
		}
		fx.pandocReason, fx.pandoc = strings.TrimSpace(strings.TrimPrefix(why, "why:")), strings.Trim(rest, "\n")
	}
	if !strings.HasPrefix(strings.TrimSpace(fx.csl), "<") {
		return nil, fmt.Errorf("%s: the csl section is not XML", path)
	}
	if !strings.Contains(fx.csl, "<style") {
		fx.csl = wrapStyle(fx.csl)
	}
	if _, err := fx.clusters(); err != nil {
		return nil, fmt.Errorf("%s: citation-items: %v", path, err)
	}
	var items []json.RawMessage
	if err := json.Unmarshal([]byte(fx.input), &items); err != nil {
		return nil, fmt.Errorf("%s: input: %v", path, err)
	}
	return fx, nil
}

// wrapStyle makes a whole in-text style of the inside of one; a
// bibliography fixture that has no <citation> gets a minimal one, which
// the schema (and pandoc) require.
func wrapStyle(inner string) string {
	cit := ""
	if !strings.Contains(inner, "<citation") {
		cit = `  <citation><layout><text variable="title"/></layout></citation>` + "\n"
	}
	return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info>
    <title>Fixture</title>
    <id>http://example.org/fixture</id>
  </info>
` + cit + inner + "\n</style>\n"
}

func (fx *fixture) clusters() ([][]fixtureCite, error) {
	if fx.citations == "" {
		return nil, nil
	}
	var cl [][]fixtureCite
	err := json.Unmarshal([]byte(fx.citations), &cl)
	return cl, err
}

// resultLines splits an expected or actual result into entries with
// white space normalised (no-break spaces too), as the golden files are.
func resultLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = normalizeSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func normalizeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\r' || r == '\u00a0' || r == '\u202f'
	}), " ")
}

func TestFixtures_AreWellFormed(t *testing.T) {
	fxs := loadFixtures(t)
	if len(fxs) < 60 {
		t.Errorf("%d fixtures, want at least 60", len(fxs))
	}
	ids := map[string]bool{}
	for _, fx := range fxs {
		var items []struct {
			ID any `json:"id"`
		}
		if err := json.Unmarshal([]byte(fx.input), &items); err != nil {
			t.Errorf("%s: %v", fx.name, err)
		}
		ids = map[string]bool{}
		for _, it := range items {
			ids[fmt.Sprint(it.ID)] = true
		}
		cl, _ := fx.clusters()
		for _, c := range cl {
			for _, ci := range c {
				if !ids[ci.ID] {
					t.Errorf("%s: citation-items cite %q, which input does not hold", fx.name, ci.ID)
				}
			}
		}
	}
}
