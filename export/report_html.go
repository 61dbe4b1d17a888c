package export

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
)

var (
	//go:embed report.html.tmpl
	reportTemplate string
	//go:embed report.css
	reportCSS string
	//go:embed report.js
	reportJS string
)

// reportPage is the HTML report's template. html/template escapes every
// value for the context it lands in (text, attribute, URL); the only
// values it does not escape are the style sheet and the script, which are
// ours, and FormattedRef.HTML after sanitizeRefHTML.
var reportPage = template.Must(template.New("report").Funcs(template.FuncMap{
	"join": strings.Join,
}).Parse(reportTemplate))

// reportCSP is the page's Content-Security-Policy: nothing may load from
// anywhere, styles only from the page itself, and the one script only if
// its hash is ours, so a script that got into the page by any route could
// not run.
var reportCSP = func() string {
	sum := sha256.Sum256([]byte(reportJS))
	return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
}()

// CheckHTML writes check reports as one self-contained HTML page: a
// summary, the findings linking into the text, the article block by block
// with every sentence marked supported, unsupported or not a claim and its
// details (citations, the references they matched, claim score and
// reasons), and the reference list. It needs nothing from the network, and
// works without its script. refs are the formatted library references the
// articles cite, by key.
func CheckHTML(w io.Writer, articles []ReportArticle, refs []FormattedRef) error {
	return checkHTML(w, articles, refs, corpus.FindingFilter{})
}

// checkHTML is CheckHTML listing only the findings filter shows; each
// sentence and reference still shows all of its own.
func checkHTML(w io.Writer, articles []ReportArticle, refs []FormattedRef, filter corpus.FindingFilter) error {
	formatted := make(map[string]FormattedRef, len(refs))
	for _, r := range refs {
		if _, dup := formatted[r.Key]; !dup {
			formatted[r.Key] = r
		}
	}
	page := htmlPage{
		CSP: reportCSP,
		CSS: template.CSS(reportCSS),
		JS:  template.JS(reportJS),
	}
	for i, a := range articles {
		ha := buildArticle(i, a, formatted, filter)
		page.Articles = append(page.Articles, ha)
		page.Marks.Supported += ha.Marks.Supported
		page.Marks.Unsupported += ha.Marks.Unsupported
		page.Marks.NotClaim += ha.Marks.NotClaim
		page.Errors += ha.Summary.Errors
		page.Warnings += ha.Summary.Warnings
		page.Infos += ha.Summary.Infos
	}
	switch len(articles) {
	case 1:
		page.Title = "evident: " + articles[0].Report.Article.Path
		page.Subtitle = articles[0].Report.Article.Path
	default:
		page.Title = fmt.Sprintf("evident: %d articles", len(articles))
		paths := make([]string, len(articles))
		for i, a := range articles {
			paths[i] = a.Report.Article.Path
		}
		page.Subtitle = strings.Join(paths, ", ")
	}
	return reportPage.Execute(w, page)
}

type htmlPage struct {
	Title, Subtitle         string
	CSP                     string
	CSS                     template.CSS
	JS                      template.JS
	Marks                   markCounts
	Errors, Warnings, Infos int
	Articles                []htmlArticle
}

type htmlArticle struct {
	ID          string
	Path, Title string
	Verdict     string // the report in one line
	Shown       string // how many findings the filter left out, if any
	Marks       markCounts
	Summary     corpus.Summary
	Notes       []string
	Findings    []htmlFinding
	// FoldFindings puts a long findings list in a closed <details>, so
	// that the text comes first; each sentence still shows its own.
	FoldFindings bool
	Blocks       []htmlBlock
	Refs         []htmlRef // the article's own reference list
	LibRefs      []htmlRef // cited library references the list does not hold
	LinkRefs     []htmlRef // the sources the article links to (Report.LinkSources)
	// Evidence sets each claim beside the passage of each work it cites.
	Evidence []htmlEvidence
}

type htmlFinding struct {
	Severity, Icon string
	Where          string // "line 12", "paragraph 12"
	Code, Message  string
	Href           string // the sentence or list entry it is about
	ID             string // the id's hash, what 'evident review' takes
	// Reviewed is the editor's mark in words ("ok by ann, 2026-12-06"),
	// Note its note; the page shows such a finding dimmed.
	Reviewed, Note string
	// listed is whether --top and --severity leave it in the report.
	listed bool
}

// anyListed reports whether the filter lists any of fs.
func anyListed(fs []htmlFinding) bool {
	for _, f := range fs {
		if f.listed {
			return true
		}
	}
	return false
}

type htmlBlock struct {
	Kind      string
	Footnote  string
	Sentences []htmlSentence
	List      bool        // a run of list items, in Items
	Items     []htmlBlock // the list items
}

type htmlSentence struct {
	ID, Mark, MarkText, Why string
	Flag                    string // "flagged": supported, but a source has a finding; "filtered": unsupported, its findings left out by --top or --severity
	Check                   string // the check's own status
	Tip                     string
	Text                    string
	Score                   string
	Reasons                 []string
	Covered                 *htmlLink
	Citations               []htmlCite
	Findings                []htmlFinding
	// Reviewed is set when every finding on the sentence is marked
	// (evident review): the page dims it.
	Reviewed bool
}

type htmlLink struct {
	Href  string
	Where string
}

type htmlCite struct {
	Marker, Cites, Status, By, Why string
	Ref                            *htmlRef
}

type htmlRef struct {
	ID      string
	Href    string
	Label   string
	Name    string        // how a citation's details name it
	Text    string        // the entry as the article wrote it
	HTML    template.HTML // the library reference, formatted and sanitised
	Tags    []htmlTag
	Problem bool
}

type htmlTag struct{ Class, Text string }

// htmlFindingsShown is how many findings the page lists open; more fold.
const htmlFindingsShown = 20

var markText = map[string]string{
	markSupported:   "supported claim",
	markUnsupported: "unsupported claim",
	markNotClaim:    "not a claim",
}

func severityIcon(s corpus.Severity) string {
	switch s {
	case corpus.Error:
		return "✖"
	case corpus.Warning:
		return "▲"
	}
	return "●"
}

// buildArticle lays out one article for the template. Every id is
// prefixed for the second and later articles, so ids stay unique on a page
// of several and stable for the first.
func buildArticle(n int, a ReportArticle, formatted map[string]FormattedRef, filter corpus.FindingFilter) htmlArticle {
	rep := a.Report
	prefix := ""
	if n > 0 {
		prefix = "a" + strconv.Itoa(n+1) + "-"
	}
	ha := htmlArticle{
		ID:      "a" + strconv.Itoa(n+1),
		Path:    rep.Article.Path,
		Title:   rep.Article.Title,
		Verdict: verdictOf(rep),
		Marks:   countMarks(rep),
		Summary: rep.Summary,
		Notes:   rep.Notes,
	}
	sentenceID := func(claimID string) string {
		return prefix + "s-" + strings.TrimPrefix(claimID, "c")
	}
	claimLine := map[string]int{}
	for _, c := range rep.Claims {
		claimLine[c.ID] = c.Line
	}

	// The reference list, then the cited library references it lacks.
	byKey := map[string]*htmlRef{}
	byLabel := map[string]*htmlRef{}
	byLine := map[int]string{}
	ha.Refs = make([]htmlRef, len(rep.References))
	for i, e := range rep.References {
		r := &ha.Refs[i]
		r.ID = prefix + "ref-" + strconv.Itoa(i+1)
		r.Href = "#" + r.ID
		r.Label = e.Label
		r.Name = "reference " + e.Label
		if e.Label == "" {
			r.Name = "reference list entry " + strconv.Itoa(i+1)
		}
		r.Text = e.Text
		if e.Key != nil {
			if f, ok := formatted[*e.Key]; ok {
				r.HTML = sanitizeRefHTML(f.HTML)
			}
			if _, dup := byKey[*e.Key]; !dup {
				byKey[*e.Key] = r
			}
		}
		r.Tags, r.Problem = refTags(e)
		if e.Label != "" {
			if _, dup := byLabel[e.Label]; !dup {
				byLabel[e.Label] = r
			}
		}
		if _, dup := byLine[e.Line]; !dup {
			byLine[e.Line] = r.Href
		}
	}
	var libKeys []string
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Key == nil {
				continue
			}
			if _, ok := byKey[*l.Key]; !ok {
				byKey[*l.Key] = nil
				libKeys = append(libKeys, *l.Key)
			}
		}
	}
	ha.LibRefs = make([]htmlRef, len(libKeys))
	for i, k := range libKeys {
		r := &ha.LibRefs[i]
		r.ID = prefix + "lib-" + strconv.Itoa(i+1)
		r.Href = "#" + r.ID
		r.Label = k
		if f, ok := formatted[k]; ok {
			r.HTML = sanitizeRefHTML(f.HTML)
			if f.Label != "" {
				r.Label = f.Label
			}
		} else {
			r.Text = k
		}
		r.Name = r.Label
		r.Tags = []htmlTag{{"ok", "cited by key"}}
		byKey[k] = r
	}

	byLink := map[string]*htmlRef{}
	ha.LinkRefs = make([]htmlRef, len(rep.LinkSources))
	for i, e := range rep.LinkSources {
		r := &ha.LinkRefs[i]
		r.ID = prefix + "link-" + strconv.Itoa(i+1)
		r.Href = "#" + r.ID
		r.Label, r.Name = e.Label, "linked source "+e.Label
		r.Text = e.Text + " <" + e.URL + ">"
		if e.Key != nil {
			r.Tags = []htmlTag{{"ok", "in the library: " + *e.Key}}
		} else {
			r.Tags = []htmlTag{{"info", "not in the library"}}
		}
		byLink[e.Label] = r
	}

	// Findings, each linked to its sentence or list entry.
	perClaim := map[string][]htmlFinding{}
	listed, hidden := filter.Pick(rep.Findings)
	ha.Shown = shownNote(len(rep.Findings)-hidden, hidden)
	for i, f := range rep.Findings {
		hf := htmlFinding{Severity: f.Severity.String(), Icon: severityIcon(f.Severity), Where: rep.Article.Positions.Name(f.Line),
			Code: f.Code, Message: f.Message, ID: corpus.FindingHash(f.ID), listed: listed[i]}
		if f.Review != nil {
			hf.Reviewed, hf.Note = f.Review.Summary(), f.Review.Note
		}
		switch {
		case f.Claim != "":
			hf.Href = "#" + sentenceID(f.Claim)
			perClaim[f.Claim] = append(perClaim[f.Claim], hf)
		default:
			hf.Href = byLine[f.Line]
		}
		if listed[i] {
			ha.Findings = append(ha.Findings, hf)
		}
	}

	sentences := make([]htmlSentence, len(rep.Claims))
	for i := range rep.Claims {
		c := &rep.Claims[i]
		mark, why := sentenceMark(c, rep.Findings)
		hs := htmlSentence{
			ID: sentenceID(c.ID), Mark: mark, MarkText: markText[mark], Why: why, Check: string(c.Status),
			Text: c.Text, Score: strconv.FormatFloat(c.Score, 'f', 2, 64), Reasons: c.Reasons,
			Findings: perClaim[c.ID],
		}
		hs.Reviewed = len(hs.Findings) > 0
		for _, f := range hs.Findings {
			hs.Reviewed = hs.Reviewed && f.Reviewed != ""
		}
		hs.Tip = hs.MarkText
		if mark == markSupported && why != "" {
			hs.Flag = "flagged" // supported, with a caveat the details give
		}
		if why != "" {
			hs.Tip += ": " + why
		}
		// --top and --severity filter the text as they filter the list:
		// a sentence whose every finding they leave out keeps its mark
		// (data-status) but not its colour, so that the page shows what
		// the editor asked to see.
		if hidden > 0 && len(hs.Findings) > 0 && !anyListed(hs.Findings) {
			hs.Flag = "" // a supported sentence shows as plainly supported
			if mark == markUnsupported {
				hs.Flag = "filtered"
			}
			hs.Tip += " (its findings are left out by --top or --severity)"
		}
		if c.CoveredBy != nil && c.CoveredBy.Inherited {
			hs.Covered = &htmlLink{Href: "#" + sentenceID(c.CoveredBy.Claim), Where: rep.Article.Positions.Name(claimLine[c.CoveredBy.Claim])}
		}
		for _, l := range c.Citations {
			hc := htmlCite{Marker: l.Marker, Cites: l.Cites, Status: string(l.Status), By: l.By, Why: l.Why}
			switch {
			case l.Key != nil && byKey[*l.Key] != nil:
				hc.Ref = byKey[*l.Key]
			case l.Status == corpus.Unmatched && byLabel[l.Cites] != nil:
				hc.Ref = byLabel[l.Cites]
			case l.Kind == corpus.LinkKind && byLink[l.Cites] != nil:
				hc.Ref = byLink[l.Cites]
			}
			hs.Citations = append(hs.Citations, hc)
		}
		sentences[i] = hs
	}
	ha.FoldFindings = len(ha.Findings) > htmlFindingsShown
	ha.Blocks = layoutBlocks(a.Doc, rep, sentences)
	ha.Evidence = buildEvidence(rep, sentenceID)
	return ha
}

// refTags describes how a list entry fared: matched (and how), weakly
// matched, unmatched, an identifier that belongs to another work, never
// cited. problem is set when any of it needs an editor's eye.
func refTags(e corpus.ListRef) (tags []htmlTag, problem bool) {
	switch {
	case e.Match != nil && e.Match.By == "mismatch":
		tags = append(tags, htmlTag{"bad", "identifier mismatch: " + e.Match.Why})
		problem = true
	case e.Key != nil && e.Match != nil:
		tags = append(tags, htmlTag{"ok", fmt.Sprintf("matched by %s: %s", e.Match.By, *e.Key)})
	case e.Match != nil && e.Match.Weak:
		tags = append(tags, htmlTag{"bad", "unmatched: only a weak match (" + e.Match.Why + ")"})
		problem = true
	default:
		tags = append(tags, htmlTag{"bad", "unmatched: not in the library"})
		problem = true
	}
	if !e.Cited {
		tags = append(tags, htmlTag{"bad", "uncited"})
		problem = true
	}
	return tags, problem
}

// layoutBlocks groups the sentences into the article's blocks, runs of
// list items into lists. Without the document (or when it does not split
// into the report's sentences) each sentence is its own paragraph.
func layoutBlocks(doc *corpus.Document, rep *corpus.Report, sentences []htmlSentence) []htmlBlock {
	var split []corpus.Sentence
	if doc != nil {
		split = article.Sentences(doc)
	}
	if len(split) != len(rep.Claims) {
		out := make([]htmlBlock, len(sentences))
		for i, s := range sentences {
			out[i] = htmlBlock{Kind: string(corpus.KindSentence), Sentences: []htmlSentence{s}}
		}
		return out
	}
	var out []htmlBlock
	for i, s := range split {
		if i > 0 && split[i-1].Block == s.Block {
			last := &out[len(out)-1]
			if last.List {
				last = &last.Items[len(last.Items)-1]
			}
			last.Sentences = append(last.Sentences, sentences[i])
			continue
		}
		b := doc.Blocks[s.Block]
		hb := htmlBlock{Kind: string(b.Kind), Footnote: b.Footnote, Sentences: []htmlSentence{sentences[i]}}
		if b.Kind != corpus.KindListItem {
			out = append(out, hb)
			continue
		}
		if n := len(out); n > 0 && out[n-1].List && s.Block == split[i-1].Block+1 {
			out[n-1].Items = append(out[n-1].Items, hb)
			continue
		}
		out = append(out, htmlBlock{Kind: "list", List: true, Items: []htmlBlock{hb}})
	}
	return out
}
