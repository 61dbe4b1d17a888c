package evidence

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
)

// Opener reads a file attached to a reference (the file field). The
// caller decides what may be read and from where; nil reads nothing.
type Opener func(path string) ([]byte, error)

// Text is what the library holds of one work to judge claims by.
type Text struct {
	Key   string
	Title string
	// Passages are the sentences of the work's abstract, then of its full
	// text, in reading order, without repeats. Score is unset.
	Passages []corpus.Passage
	// Design is the study design the work reports, from its publication
	// types or its text; empty when none is named.
	Design string
	// Problems say which attached files could not be read, and why.
	Problems []string
	// AbstractFrom names the registry whose record's abstract stands in
	// for a work with none of its own; empty otherwise.
	AbstractFrom string
}

// maxPassages bounds the sentences kept of one work: a book-length file
// must not make every claim citing it slow.
const maxPassages = 3000

// ReadText reads the text of a work: its abstract (the abstract field,
// which BibTeX, CSL-JSON, RIS AB, PubMed imports and a registry update
// fill) and the files attached in its file field that are HTML, plain
// text or JATS XML (PubMed Central full text), read with open. A PDF is
// named in Problems and not read: no maintained pure-Go library extracts
// a PDF's text in reading order well enough to quote it as evidence. The
// library keeps what it reads (BuildSource) so that a check of a stored
// work reads nothing again; ReadText is for works not in the library.
func ReadText(r *corpus.Reference, open Opener) Text {
	return BuildSource(r, nil, open, nil).Text(r.Key, r.Title)
}

// ReadPassages returns the passages of a work as ReadText reads them,
// and the problems with its attached files, without reckoning its design:
// what the search index keeps.
func ReadPassages(r *corpus.Reference, open Opener) (passages []corpus.Passage, problems []string) {
	var t Text
	BuildSource(r, nil, open, nil).assemble(&t)
	return t.Passages, t.Problems
}

// add appends a sentence as a passage of source, unless it is too short,
// a repeat (seen holds the passages so far, lower-cased), or one past the
// passages a work may keep.
func (t *Text) add(seen map[string]bool, text, source string) {
	if len(t.Passages) >= maxPassages {
		return
	}
	text = strings.Join(strings.Fields(text), " ")
	norm := strings.ToLower(text)
	if wordCount(text) < 3 || seen[norm] {
		return
	}
	seen[norm] = true
	t.Passages = append(t.Passages, corpus.Passage{Text: text, Source: source})
}

// SplitText splits prose into sentences with the article sentence
// splitter; a blank line ends a paragraph.
func SplitText(text string) []string {
	doc := &corpus.Document{Blocks: []corpus.Block{{Kind: corpus.KindSentence, Text: text}}}
	var out []string
	for _, s := range article.Sentences(doc) {
		out = append(out, s.Text)
	}
	return out
}

var (
	tagRE     = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9:_-]*(\s[^<>]*)?/?>`)
	paraEndRE = regexp.MustCompile(`(?i)</(jats:)?(p|sec|title)>`)
)

// CleanMarkup removes the XML or HTML tags a registry's abstract carries
// (Crossref's <jats:p>, <i>), keeping a paragraph break between
// paragraphs, and decodes the few entities they use.
func CleanMarkup(s string) string {
	if !strings.Contains(s, "<") && !strings.Contains(s, "&") {
		return s
	}
	s = paraEndRE.ReplaceAllString(s, "\n\n")
	s = tagRE.ReplaceAllString(s, " ")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&apos;", "'", "&nbsp;", " ", "&amp;", "&").Replace(s)
}

// textFileKinds are the attached files read, by extension.
var textFileKinds = map[string]corpus.Format{
	".html": corpus.HTML, ".htm": corpus.HTML, ".xhtml": corpus.HTML,
	".txt": corpus.Text, ".text": corpus.Text, ".md": corpus.Markdown,
	".xml": corpus.JATS, ".nxml": corpus.JATS,
}

// readFile reads the prose sentences of one attached file.
func readFile(path string, open Opener) ([]string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".pdf" {
		return nil, fmt.Errorf("%s: PDF text is not read; attach the HTML or JATS full text, or import the abstract", path)
	}
	f, ok := textFileKinds[ext]
	if !ok {
		return nil, fmt.Errorf("%s: not read (only HTML, plain text and JATS XML files are)", path)
	}
	data, err := open(path)
	if err != nil {
		return nil, err
	}
	doc, err := article.Read(path, data, f)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range article.Sentences(doc) {
		if s.Kind == corpus.KindSentence || s.Kind == corpus.KindListItem {
			out = append(out, s.Text)
		}
	}
	return out, nil
}

// FilePaths returns the paths of a file field as Zotero, Better BibTeX,
// JabRef and Mendeley write it: entries separated by ";", each either a
// bare path or "description:path:type", with "\:" and "\;" escaping the
// separators (Windows drive letters). Entries with no path are dropped.
func FilePaths(v string) []string {
	var out []string
	for _, entry := range splitEscaped(v, ';') {
		parts := splitEscaped(entry, ':')
		var p string
		switch {
		case len(parts) == 1:
			p = parts[0]
		case len(parts) == 2:
			// "desc:path" or "C:\path" written unescaped.
			if len(parts[0]) == 1 {
				p = parts[0] + ":" + parts[1]
			} else {
				p = parts[1]
			}
		default:
			// "desc:path:type"; an unescaped drive letter splits the path.
			mid := parts[1 : len(parts)-1]
			p = strings.Join(mid, ":")
		}
		if p = strings.TrimSpace(unescape(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitEscaped splits s at sep where it is not escaped by a backslash;
// the escapes stay in the parts.
func splitEscaped(s string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`:;\`, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// fileValue is a file field as written: decoding LaTeX would eat the
// backslashes that escape a Windows drive's colon.
func fileValue(f *corpus.Field) string {
	raw := strings.TrimSpace(f.Raw)
	if len(raw) >= 2 && (raw[0] == '{' && raw[len(raw)-1] == '}' || raw[0] == '"' && raw[len(raw)-1] == '"') {
		return raw[1 : len(raw)-1]
	}
	if raw == "" {
		return f.Value
	}
	return raw
}

// wordCount counts the words of two letters or more, cheaply: a passage
// needs three to say anything.
func wordCount(text string) int {
	n, run := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			run++
			continue
		}
		if run >= 2 {
			n++
		}
		run = 0
	}
	if run >= 2 {
		n++
	}
	return n
}
