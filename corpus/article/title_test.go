package article

import (
	"os"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestTitle_IsTheHeadline(t *testing.T) {
	tests := []struct {
		name, file, src string
		format          corpus.Format
		want            string
	}{
		{"html h1 over a title with the site's name", "a.html",
			`<html><head><title>Vitamin D and immunity | HealthWise Daily</title></head><body><header><h2>HealthWise Daily</h2></header><main><h1>Vitamin D and your immune system</h1><p>Vitamin D is made in the skin.</p></main></body></html>`,
			corpus.HTML, "Vitamin D and your immune system"},
		{"html title without the site's name after it", "a.html",
			`<html><head><title>Does coffee protect the liver? - BBC News</title></head><body><p>Coffee drinkers have healthier livers, a study says.</p></body></html>`,
			corpus.HTML, "Does coffee protect the liver?"},
		{"html title without the site's name before it", "a.html",
			`<html><head><title>HealthWise | Sleep and memory in older adults</title></head><body><p>Sleep helps memory.</p></body></html>`,
			corpus.HTML, "Sleep and memory in older adults"},
		{"html title whose dash is its own", "a.html",
			`<html><head><title>COVID-19 - what we know about long covid</title></head><body><p>Text.</p></body></html>`,
			corpus.HTML, "COVID-19 - what we know about long covid"},
		{"html h2 headline under a site badge h2", "a.html",
			`<html><body><main><h2>HealthWise</h2><h2>Why we sleep less as we age</h2><p>Older adults sleep about an hour less than younger adults do, according to several large surveys of sleep.</p><h2>Causes</h2></main></body></html>`,
			corpus.HTML, "Why we sleep less as we age"},
		{"markdown front matter title", "a.md",
			"---\ntitle: \"Coffee and the liver\"\n---\n# Health Desk\n\nCoffee is drunk by most adults.\n",
			corpus.Markdown, "Coffee and the liver"},
		{"markdown h1 over a badge paragraph", "a.md",
			"HealthWise Daily\n\n# Vitamin D and your immune system\n\nVitamin D is made in the skin.\n\n## Sources\n",
			corpus.Markdown, "Vitamin D and your immune system"},
		{"markdown h1 after an h2 badge", "a.md",
			"## HealthWise\n\n# Vitamin D and your immune system\n\nVitamin D is made in the skin.\n",
			corpus.Markdown, "Vitamin D and your immune system"},
		{"text headline after a one-line site badge", "a.txt",
			"HealthWise Daily\n\nVitamin D and Your Immune System: What the Research Says\n\nVitamin D is best known for keeping bones strong, but researchers have spent two decades asking whether it helps.\n\nSources\n\nMore text here.\n",
			corpus.Text, "Vitamin D and Your Immune System: What the Research Says"},
		{"latex title", "a.tex",
			"\\documentclass{article}\\title{Latin Poetic Style}\\begin{document}\\maketitle\\section{Introduction}Text.\\end{document}",
			corpus.LaTeX, "Latin Poetic Style"},
		{"a reference-list heading names no article", "a.md",
			"## References\n\n<div id=\"refs\"></div>\n",
			corpus.Markdown, ""},
		{"no heading before the body: the first heading", "a.md",
			"Coffee is drunk by most adults in the world, and has been for a very long time now.\n\n## Methods\n\nWe read.\n",
			corpus.Markdown, "Methods"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := read(t, tt.file, tt.src, tt.format)
			if doc.Title != tt.want {
				t.Errorf("Title = %q, want %q", doc.Title, tt.want)
			}
		})
	}
}

func TestTitle_ScrapedExplainers(t *testing.T) {
	for _, name := range []string{"explainer.txt", "explainer.html"} {
		doc := readFile(t, "testdata/explainer/"+name)
		if want := "Vitamin D and Your Immune System: What the Research Says"; doc.Title != want {
			t.Errorf("%s: Title = %q, want %q", name, doc.Title, want)
		}
	}
}

// readFile reads an article of testdata, its format told by its name.
func readFile(t *testing.T, path string) *corpus.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := DetectFormat(path)
	if err != nil {
		t.Fatal(err)
	}
	return read(t, path, string(data), f)
}
