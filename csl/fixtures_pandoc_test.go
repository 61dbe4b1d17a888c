package csl

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var showPandoc = flag.Bool("fixtures.pandoc", false, "print pandoc's citeproc output for every fixture")

// TestFixtures_AgreeWithPandoc checks the fixtures' expected results, not
// the processor: each one is rendered by pandoc's citeproc (jgm/citeproc),
// which must give the result, or the result the fixture's pandoc section
// records together with the reason the fixture differs. HTML results are
// compared as text (pandoc's markup differs from the processor's); a
// markdown fixture, and a citation that only the processor can express
// (author-only), are left to the processor's own run.
func TestFixtures_AgreeWithPandoc(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed (.ci/run installs it): the fixtures' results are not cross-checked")
	}
	if testing.Short() {
		t.Skip("-short: pandoc is not run")
	}
	for _, fx := range loadFixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			if fx.format == "markdown" || strings.Contains(fx.citations, `"author-only": true`) {
				t.Skip("not expressible through pandoc")
			}
			got, err := runPandoc(t, fx)
			if err != nil {
				t.Fatal(err)
			}
			if *showPandoc {
				t.Logf("pandoc:\n%s", strings.Join(got, "\n"))
			}
			want := fx.result
			if fx.pandoc != "" {
				want = fx.pandoc
			}
			if fx.format == "html" {
				// A display block is a line of its own in pandoc's output.
				want = htmlText(strings.ReplaceAll(want, "</div>", "</div>\n"))
			}
			if w := resultLines(want); strings.Join(w, "\n") != strings.Join(got, "\n") {
				t.Errorf("pandoc gives\n%s\nthe fixture expects\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlText is what an HTML result reads as in plain text.
func htmlText(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }

// pandocLabels writes a locator label the way pandoc's citation syntax
// recognises it.
var pandocLabels = map[string]string{
	"page": "p.", "chapter": "chap.", "section": "sec.", "volume": "vol.", "figure": "fig.",
	"paragraph": "para.", "line": "l.", "note": "n.", "book": "bk.", "issue": "no.",
}

// runPandoc renders a fixture with pandoc: a bibliography of every item
// (nocite), or one paragraph per citation cluster with the bibliography
// suppressed; plain text, unwrapped.
func runPandoc(t *testing.T, fx *fixture) ([]string, error) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "style.csl"), []byte(fx.csl), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "items.json"), []byte(fx.input), 0o644); err != nil {
		return nil, err
	}
	var doc strings.Builder
	doc.WriteString("---\n")
	if fx.locale != "" {
		fmt.Fprintf(&doc, "lang: %s\n", fx.locale)
	}
	if fx.mode == "bibliography" {
		doc.WriteString("nocite: '@*'\n---\n")
	} else {
		doc.WriteString("suppress-bibliography: true\n---\n")
		cl, _ := fx.clusters()
		for _, c := range cl {
			var cites []string
			for _, ci := range c {
				s := "@" + ci.ID
				if ci.SuppressAuthor {
					s = "-" + s
				}
				if ci.Prefix != "" {
					s = ci.Prefix + " " + s
				}
				if ci.Locator != "" {
					label := pandocLabels[ci.Label]
					if label == "" {
						label = "p."
					}
					s += ", " + label + " " + ci.Locator
				}
				if ci.Suffix != "" {
					s += ci.Suffix
				}
				cites = append(cites, s)
			}
			doc.WriteString("[" + strings.Join(cites, "; ") + "]\n\n")
		}
	}
	to := "plain"
	if fx.format == "html" {
		to = "html"
	}
	cmd := exec.Command("pandoc", "-f", "markdown", "-t", to, "--wrap=none", "--citeproc",
		"--csl", "style.csl", "--bibliography", "items.json")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(doc.String())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("pandoc: %v: %s", err, errb.String())
	}
	text := out.String()
	if fx.format == "html" {
		text = strings.ReplaceAll(text, "</div>", "</div>\n")
		text = strings.ReplaceAll(text, "</p>", "</p>\n")
		text = htmlText(text)
	}
	// Paragraphs are entries or citations; a paragraph's lines are one.
	var lines []string
	for _, para := range strings.Split(text, "\n\n") {
		for _, l := range strings.Split(para, "\n") {
			if l = normalizeSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines, nil
}
