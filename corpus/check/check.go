// Package check ties an article's citations to library references and
// reports where the chain breaks. It reads nothing from disk and prints
// nothing: readers give it a document, export turns its report into text.
package check

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/cite"
	"github.com/evident-tools/evident/corpus/resolve"
)

// The finding codes.
const (
	CodeUncitedClaim       = "uncited-claim"
	CodeDanglingCitation   = "dangling-citation"
	CodeUnmatchedReference = "unmatched-reference"
	CodeUncitedReference   = "uncited-reference"
	CodeIdentifierMismatch = "identifier-mismatch"
)

// Codes lists every finding code, for configuration and SARIF rules.
func Codes() []string {
	codes := make([]string, 0, len(defaultSeverity))
	for c := range defaultSeverity {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// DefaultSeverity returns a code's severity when nothing overrides it.
func DefaultSeverity(code string) (corpus.Severity, bool) {
	s, ok := defaultSeverity[code]
	return s, ok
}

var defaultSeverity = mergeSeverities(ruleSeverity, verifySeverity, evidenceSeverity, map[string]corpus.Severity{
	CodeHomepageLink:       corpus.Warning,
	CodeSecondarySource:    corpus.Info,
	CodeUncitedClaim:       corpus.Warning,
	CodeDanglingCitation:   corpus.Error,
	CodeUnmatchedReference: corpus.Warning,
	CodeUncitedReference:   corpus.Warning,
	CodeIdentifierMismatch: corpus.Error,
	CodeEmptyRefList:       corpus.Error,
	CodeMissingRefList:     corpus.Error,
})

func mergeSeverities(ms ...map[string]corpus.Severity) map[string]corpus.Severity {
	out := map[string]corpus.Severity{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// state is a report being made, with what the checker needs beside it.
type state struct {
	*corpus.Report
	lib    *resolve.Library
	parsed []resolve.Parsed // the list entries as parsed, in order
	// aliases are the article's citation aliases (Document.CiteAliases).
	aliases map[string]string
}

// Reference returns the library reference with key.
func (rep *state) Reference(key string) *corpus.Reference { return rep.lib.Ref(key) }

// Check reads an article and ties its citations to the library refs. It is
// for callers that need no more than the report; the check pipeline reads
// the article itself and calls CheckDocument.
func Check(path string, data []byte, format corpus.Format, refs []*corpus.Reference, opts Options) (*corpus.Report, error) {
	doc, err := article.Read(path, data, format)
	if err != nil {
		return nil, err
	}
	return CheckDocument(doc, refs, opts), nil
}

// CheckDocument ties the citations of an article already read to the
// library refs and judges its sentences.
func CheckDocument(doc *corpus.Document, refs []*corpus.Reference, opts Options) *corpus.Report {
	return checkDocument(doc, refs, opts).Report
}

// CheckLibrary is CheckDocument against a library already made: one over
// an Index (resolve.NewIndexed), whose references it reads as citations
// need them. opts.Index is not used.
func CheckLibrary(doc *corpus.Document, lib *resolve.Library, opts Options) *corpus.Report {
	return checkResolved(doc, lib, opts).Report
}

func checkDocument(doc *corpus.Document, refs []*corpus.Reference, opts Options) *state {
	return checkResolved(doc, resolve.NewIndexed(opts.Index, refs), opts)
}

// checkResolved is checkDocument with the library made: the references
// in memory, or an Index with those added in memory.
func checkResolved(doc *corpus.Document, lib *resolve.Library, opts Options) *state {
	rep := &state{
		Report: &corpus.Report{
			Schema:  corpus.ReportSchema,
			Article: corpus.ArticleInfo{Path: doc.Path, Format: doc.Format, Title: doc.Title, Positions: doc.Positions},
		},
		lib:     lib,
		aliases: doc.CiteAliases,
	}
	sentences := article.Sentences(doc)
	list := rep.matchList(doc)

	texts := make([]string, len(sentences))
	given := make([][]corpus.Marker, len(sentences))
	for i, s := range sentences {
		texts[i], given[i] = s.Text, s.Markers
	}
	markers, style := cite.AnalyzeWith(texts, given, list.maxNumber)
	rep.Style = string(style.Dominant)

	footnotes := map[string]string{}
	for _, b := range doc.Blocks {
		if b.Kind == corpus.KindFootnote && b.Footnote != "" {
			footnotes[b.Footnote] += b.Text
		}
	}

	links := rep.placeLinks(doc, sentences, opts.Site)
	for _, ms := range markers {
		for _, m := range ms {
			for _, ct := range m.Cites {
				if m.Kind == corpus.MarkerFootnote {
					links.noteMarked[noteLabel(ct)] = true
				}
			}
		}
	}

	var orphans []orphan
	for i, s := range sentences {
		c := corpus.Claim{ID: s.ID, Line: s.Pos.Line, Col: s.Pos.Col, Kind: string(s.Kind), Section: s.Section,
			Text: s.Text, Citations: []corpus.CitationLink{}}
		for _, m := range markers[i] {
			if strings.HasPrefix(m.Text, `\nocite`) {
				// \nocite lists a work without citing it anywhere.
				continue
			}
			for _, ct := range m.Cites {
				link := rep.resolveCite(m, ct, list, footnotes)
				if noted := links.byNote[noteLabel(ct)]; m.Kind == corpus.MarkerFootnote && len(noted) > 0 {
					// The footnote's links are the citations of the
					// sentence that marks it; the note itself stands
					// only if it names a library reference.
					for _, l := range noted {
						c.Citations = append(c.Citations, rep.linkCitation(l, links))
					}
					if link.Status != corpus.Resolved {
						continue
					}
				}
				if link.Status == corpus.Note {
					continue
				}
				if m.Suspect && link.Status != corpus.Resolved {
					// An outlier for the article's style ("keratin (34)" in a
					// bracket-cited paper) that resolves to nothing is most
					// likely no citation at all: never report it as one.
					continue
				}
				c.Citations = append(c.Citations, link)
				switch {
				case link.Status != corpus.Dangling:
				case m.Kind == corpus.MarkerNumeric && len(list.entries) == 0:
					// Every number dangles for one reason: one finding
					// (noList) says so, not one per marker.
					orphans = append(orphans, orphan{marker: m.Text, line: s.Pos.Line})
				default:
					rep.add(CodeDanglingCitation, s.Pos.Line, s.ID, m.Text, link.Why)
				}
			}
		}
		for _, l := range links.bySentence[i] {
			if b := doc.Blocks[s.Block]; b.Kind == corpus.KindFootnote && links.noteMarked[b.Footnote] {
				continue // cited by the sentence that marks the footnote
			}
			c.Citations = append(c.Citations, rep.linkCitation(l, links))
		}
		rep.Claims = append(rep.Claims, c)
	}
	rep.noList(doc, orphans)
	rep.judge(sentences, opts)
	rep.linkFindings()
	rep.listFindings(list)
	// The linked sources before the rules: check --verify verifies them.
	rep.LinkSources = links.sources
	rep.rules(opts)
	rep.lateEvidence(opts)
	rep.Summary.Suppressed = applySuppressions(rep, doc)
	rep.applySeverities(opts)
	rep.summarise()
	// Ids first, in the order the article gives its findings, so that a
	// repeated sentence's ordinal does not follow the ranking's scores.
	sort.SliceStable(rep.Findings, func(i, j int) bool { return rep.Findings[i].Line < rep.Findings[j].Line })
	rep.SetFindingIDs()
	rep.RankFindings()
	rep.Verdict = Verdict(rep.Report)
	if doc.Positions == corpus.PositionsParagraphs {
		rep.paragraphs()
	}
	return rep
}

// paragraphs gives claims, list entries and findings their paragraph, for a
// document whose lines are paragraphs: consumers that read "line" go on
// working, those that know paragraphs say so.
func (rep *state) paragraphs() {
	for i := range rep.Claims {
		rep.Claims[i].Paragraph = rep.Claims[i].Line
	}
	for i := range rep.References {
		rep.References[i].Paragraph = rep.References[i].Line
	}
	for i := range rep.Findings {
		rep.Findings[i].Paragraph = rep.Findings[i].Line
	}
}

func (rep *state) add(code string, line int, claim, marker, msg string) {
	rep.Findings = append(rep.Findings, corpus.Finding{Code: code, Severity: defaultSeverity[code], Line: line,
		Claim: claim, Marker: marker, Message: msg})
}

func quote(s string) string {
	const max = 100
	r := []rune(s)
	if len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return "\u201c" + s + "\u201d"
}

// listState is the article's reference list, matched to the library.
type listState struct {
	entries   []corpus.ListRef
	parsed    []resolve.Parsed
	byLabel   map[string]int
	maxNumber int
	// byKey holds the entries matched to each library key.
	byKey map[string][]int
}

func (rep *state) matchList(doc *corpus.Document) *listState {
	ls := &listState{byLabel: map[string]int{}, byKey: map[string][]int{}}
	for i, e := range doc.RefList {
		lr := corpus.ListRef{Label: e.Label, Text: e.Text, Line: e.Pos.Line}
		m, mis := rep.lib.MatchEntry(e.Text)
		switch {
		case mis != nil:
			rep.add(CodeIdentifierMismatch, e.Pos.Line, "", "",
				fmt.Sprintf("reference %s: its %s belongs to %s in the library, whose %s; the entry says %s",
					entryName(e), mis.ID, mis.Key, mis.Have, mis.Want))
			lr.Match = &corpus.MatchInfo{By: "mismatch", Why: mis.ID + " belongs to " + mis.Key}
		case m.Key != "" && !m.Weak:
			k := m.Key
			lr.Key = &k
			lr.Match = &corpus.MatchInfo{By: m.By, Confidence: m.Confidence, Why: m.Why}
		case m.Key != "":
			lr.Match = &corpus.MatchInfo{By: m.By, Confidence: m.Confidence, Weak: true, Why: m.Why}
		}
		if lr.Key != nil {
			ls.byKey[*lr.Key] = append(ls.byKey[*lr.Key], i)
		}
		ls.entries = append(ls.entries, lr)
		ls.parsed = append(ls.parsed, resolve.ParseEntry(e.Text))
		if e.Label != "" {
			if _, dup := ls.byLabel[e.Label]; !dup {
				ls.byLabel[e.Label] = i
			}
			if n, err := strconv.Atoi(e.Label); err == nil && n > ls.maxNumber {
				ls.maxNumber = n
			}
		}
	}
	return ls
}

func entryName(e corpus.ListEntry) string {
	if e.Label != "" {
		return e.Label
	}
	return quote(e.Text)
}

// resolveCite ties one cited work to a library reference.
func (rep *state) resolveCite(m corpus.Marker, c corpus.Cite, ls *listState, footnotes map[string]string) corpus.CitationLink {
	link := corpus.CitationLink{Marker: m.Text, Kind: string(m.Kind)}
	throughEntry := func(i int) corpus.CitationLink {
		e := &ls.entries[i]
		e.Cited = true
		switch {
		case e.Key != nil:
			link.Key, link.Status, link.By = e.Key, corpus.Resolved, "list:"+e.Match.By
		case e.Match != nil && e.Match.Weak:
			link.Status = corpus.Unmatched
			link.Why = "the list entry only weakly matches the library (" + e.Match.Why + ")"
		default:
			link.Status = corpus.Unmatched
			link.Why = "the list entry matches nothing in the library"
		}
		return link
	}
	switch m.Kind {
	case corpus.MarkerNumeric:
		link.Cites = strconv.Itoa(c.Number)
		if i, ok := ls.byLabel[link.Cites]; ok {
			return throughEntry(i)
		}
		link.Status = corpus.Dangling
		switch {
		case len(ls.entries) == 0:
			link.Why = fmt.Sprintf("%s: the article has no reference list to number %d in", m.Text, c.Number)
		case ls.maxNumber > 0 && c.Number > ls.maxNumber:
			link.Why = fmt.Sprintf("%s: number %d is beyond the end of the reference list (%d entries)", m.Text, c.Number, ls.maxNumber)
		default:
			link.Why = fmt.Sprintf("%s: no entry %d in the reference list", m.Text, c.Number)
		}
		return link
	case corpus.MarkerFootnote:
		label := c.Label
		if label == "" {
			label = strconv.Itoa(c.Number)
		}
		link.Cites = label
		text, ok := footnotes[label]
		if !ok {
			if i, ok := ls.byLabel[label]; ok {
				return throughEntry(i)
			}
			link.Status, link.Why = corpus.Dangling, fmt.Sprintf("%s: footnote %s is never defined", m.Text, label)
			return link
		}
		if len(cite.Detect(text)) > 0 {
			// The footnote cites with markers of its own; they are checked
			// in the footnote's sentences, and the note itself is no
			// reference.
			link.Status, link.Why = corpus.Note, "the footnote cites its own sources"
			return link
		}
		if mt, _ := rep.lib.MatchEntry(text); mt.Key != "" && !mt.Weak {
			k := mt.Key
			link.Key, link.Status, link.By = &k, corpus.Resolved, "footnote:"+mt.By
			return link
		}
		if !looksLikeReference(text) {
			// A footnote that is a remark, not a reference, cites nothing.
			link.Status = corpus.Note
			return link
		}
		link.Status, link.Why = corpus.Unmatched, "the footnote matches no library reference"
		return link
	case corpus.MarkerField:
		return rep.resolveField(link, c, ls)
	case corpus.MarkerKey:
		link.Cites = c.Key
		if r := rep.lib.ByKey(c.Key); r != nil {
			k := r.Key
			link.Key, link.Status, link.By = &k, corpus.Resolved, "key"
			if isAlias(r, c.Key) {
				// Cites keeps the alias the article wrote; Key is the
				// reference's own.
				link.By = "alias"
			}
			return link
		}
		target, aliased := rep.aliases[c.Key]
		if aliased {
			if r := rep.lib.ByKey(target); r != nil {
				k := r.Key
				link.Key, link.Status, link.By = &k, corpus.Resolved, "article-alias"
				return link
			}
		}
		if i, ok := ls.byLabel[c.Key]; ok {
			return throughEntry(i)
		}
		link.Status = corpus.Dangling
		switch {
		case aliased:
			link.Why = fmt.Sprintf("%s: %s stands for %s, which is not in the library", m.Text, c.Key, target)
		case resolve.IsIdentifierKey(c.Key):
			link.Why = fmt.Sprintf("%s: %s is not in the library", m.Text, c.Key)
		default:
			link.Why = fmt.Sprintf("%s: no reference with key %q", m.Text, c.Key)
			if near := rep.nearKey(c.Key); near != "" {
				link.Why += "; did you mean " + near + "?"
			}
		}
		return link
	}
	// Author-year: through the article's list first, then the library.
	link.Cites = authorYear(c)
	if i, ok := resolve.MatchCiteToEntries(c, ls.parsed); ok {
		return throughEntry(i)
	}
	if mt, near := rep.lib.AuthorYear(c); mt.Key != "" {
		k := mt.Key
		link.Key, link.Status, link.By = &k, corpus.Resolved, "author-year"
		if mt.Weak {
			link.Key, link.Status = nil, corpus.Unmatched
			link.Why = "only a weak match: " + mt.Why
		}
		return link
	} else {
		link.Status = corpus.Dangling
		link.Why = link.Cites + ": no such reference"
		if near != "" {
			link.Why += "; " + near
		}
	}
	return link
}

// resolveField ties a work a citation field cites to the reference under
// its key: the reader kept the field's own copy of the work under that key
// (Document.Embedded), and the check pipeline put the library's reference
// there instead when the library has the work. The list entries matched
// to that reference are cited by it: the list is the field-made
// bibliography of the same works.
func (rep *state) resolveField(link corpus.CitationLink, c corpus.Cite, ls *listState) corpus.CitationLink {
	link.Cites = c.Key
	r := rep.lib.ByKey(c.Key)
	if r == nil {
		link.Status = corpus.Dangling
		link.Why = fmt.Sprintf("%s: the citation field's work %s is not in the library", link.Marker, c.Key)
		return link
	}
	k := r.Key
	link.Key, link.Status, link.By = &k, corpus.Resolved, "field"
	for _, i := range ls.byKey[k] {
		ls.entries[i].Cited = true
	}
	return link
}

// isAlias reports whether key names r by one of its aliases rather than
// its own key (compared as ByKey compares them).
func isAlias(r *corpus.Reference, key string) bool {
	key = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(key), "@"))
	if strings.EqualFold(key, r.Key) {
		return false
	}
	for _, a := range r.Aliases {
		if strings.EqualFold(key, a) {
			return true
		}
	}
	return false
}

// looksLikeReference tells a footnote that is a reference (authors or an
// identifier, and a year) from one that is a remark.
func looksLikeReference(text string) bool {
	p := resolve.ParseEntry(text)
	hasID := p.IDs != (corpus.Identifiers{})
	return hasID || p.Year > 0 && len(p.Authors) > 0 && p.Title != ""
}

func authorYear(c corpus.Cite) string {
	names := strings.Join(c.Authors, " & ")
	if c.EtAl {
		names += " et al."
	}
	return strings.TrimSpace(names + " " + c.Year + c.Suffix)
}

// nearKey suggests a library key one or two edits away from a dangling one.
func (rep *state) nearKey(key string) string { return rep.lib.NearKey(key) }

// listFindings reports list entries that match nothing or are never cited.
func (rep *state) listFindings(ls *listState) {
	for _, e := range ls.entries {
		name := e.Label
		if name == "" {
			name = quote(e.Text)
		}
		switch {
		case e.Match != nil && e.Match.By == "mismatch":
			// Reported as identifier-mismatch already.
		case e.Key == nil && e.Match != nil && e.Match.Weak:
			rep.add(CodeUnmatchedReference, e.Line, "", "",
				fmt.Sprintf("reference %s only weakly matches the library (%s); check it by hand", name, e.Match.Why))
		case e.Key == nil:
			rep.add(CodeUnmatchedReference, e.Line, "", "", fmt.Sprintf("reference %s matches nothing in the library", name))
		}
		if !e.Cited {
			rep.add(CodeUncitedReference, e.Line, "", "", fmt.Sprintf("reference %s is never cited in the text", name))
		}
	}
	rep.References = ls.entries
	rep.parsed = ls.parsed
	if rep.References == nil {
		rep.References = []corpus.ListRef{}
	}
}

func (rep *state) summarise() {
	s := &rep.Summary
	s.Sentences = len(rep.Claims)
	for _, c := range rep.Claims {
		switch c.Status {
		case corpus.Supported:
			s.Claims++
			s.Supported++
		case corpus.Unsupported:
			s.Claims++
			s.Unsupported++
		}
		for _, l := range c.Citations {
			s.Citations++
			switch l.Status {
			case corpus.Resolved:
				s.Resolved++
			case corpus.Dangling:
				s.Dangling++
			case corpus.Unmatched:
				s.Unmatched++
			case corpus.External:
				s.External++
			}
		}
	}
	s.ListEntries = len(rep.References)
	for _, e := range rep.References {
		if !e.Cited {
			s.Uncited++
		}
	}
	for _, f := range rep.Findings {
		switch f.Severity {
		case corpus.Error:
			s.Errors++
		case corpus.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	if rep.Findings == nil {
		rep.Findings = []corpus.Finding{}
	}
	if rep.Claims == nil {
		rep.Claims = []corpus.Claim{}
	}
}

// noteLabel is the label of the footnote a cite names.
func noteLabel(c corpus.Cite) string {
	if c.Label != "" {
		return c.Label
	}
	return strconv.Itoa(c.Number)
}
