package registry

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags end the line they sit in. Crossref deposits abstracts as JATS
// (<jats:p>, <jats:sec>, <jats:title>), some agencies as HTML; the
// namespace prefix is dropped before looking a tag up.
var blockTags = map[string]bool{
	"p": true, "sec": true, "title": true, "div": true, "br": true, "li": true, "list-item": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "abstract": true,
}

// PlainText turns an abstract as registries write it (JATS or HTML markup,
// or plain text) into Record.Abstract's form: tags and entities gone, one
// paragraph a line, a section's title ("Background") before its first
// paragraph as "Background: ...", and the leading "Abstract" heading
// dropped. It reads with x/net/html's tokenizer, which never fails, so
// broken markup gives its text rather than an error.
func PlainText(markup string) string {
	if !strings.ContainsAny(markup, "<&") {
		var lines []string
		for _, l := range strings.Split(markup, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n")
	}
	var (
		lines []string
		cur   strings.Builder
		label string // a section title waiting for its paragraph
	)
	flush := func(title bool) {
		text := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		switch {
		case text == "":
		case title:
			if label != "" {
				lines = append(lines, label)
			}
			label = strings.TrimRight(text, ":")
			if len(lines) == 0 && strings.EqualFold(label, "abstract") {
				label = ""
			}
		case label != "":
			lines = append(lines, label+": "+text)
			label = ""
		default:
			lines = append(lines, text)
		}
	}
	inTitle := false
	z := html.NewTokenizer(strings.NewReader(markup))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush(inTitle)
			if label != "" {
				lines = append(lines, label)
			}
			return strings.Join(lines, "\n")
		case html.TextToken:
			cur.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if i := strings.LastIndexByte(tag, ':'); i >= 0 {
				tag = tag[i+1:]
			}
			if !blockTags[tag] {
				continue
			}
			flush(inTitle)
			inTitle = tag == "title" && tt == html.StartTagToken
		}
	}
}
