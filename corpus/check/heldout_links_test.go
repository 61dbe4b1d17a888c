package check_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// The held-out evaluation of links as citations (issue 13): three articles
// in testdata/heldout-links that nobody tuned the readers or the check on,
// each with a labels file written by hand before the checker was run on it
// (the format is in steps.labels.tsv). The test measures how far the
// checker agrees with the labels, prints the table with -v, and fails only
// when a figure falls below its floor, set a little under the run of
// 2026-12-06:
//
//	article         cites  made  right  prec  recall  false  skips  ids   kind  status  findings
//	steps.html      18     18    18     1.00  1.00    0      1.00   1.00  0.89  0.94    0.50
//	sugar.md        10     12    10     0.83  1.00    2      0.78   1.00  0.90  1.00    0.50
//	vitamin-d.docx  5      0     0      -     0.00    0      0.50   -     -     -       -
//	overall         33     30    28     0.93  0.85    2      0.89   1.00  0.89  0.96    0.50
//	reference-manager fields: 2 labelled, 2 found, 2 resolved to the labelled work
//
// cites: links labelled citations; made: link citations in the report;
// right: made and of the labelled sentence; prec and recall from those;
// false: citations of links labelled skip or of addresses no label names;
// skips: skip rows whose reason the report gives (or that nothing cites,
// for "-"); ids, kind, status: among the right citations; findings: the
// homepage-link and secondary-source findings the labels expect. The Word
// reader made no link citations in that run: its hyperlinks were not read
// as citations yet.
//
// That run is the held-out figure. Word hyperlinks and Zotero fields
// landed next (built without these files); then four disagreements the
// run showed were fixed in the checker, so the files are no longer held
// out for those rules: news outlets told by name or path, "Further
// reading" lists, BMJ addresses carrying their DOI (all on 2026-12-06).
// The run after them:
//
//	steps.html      18     18    18     1.00  1.00    0      1.00   1.00  0.94  0.94    1.00
//	sugar.md        10     10    10     1.00  1.00    0      1.00   1.00  1.00  1.00    1.00
//	vitamin-d.docx  5      5     5      1.00  1.00    0      0.50   1.00  1.00  1.00    -
//	overall         33     33    33     1.00  1.00    0      0.94   1.00  0.97  0.97    1.00
//
// The floors sit a little under it. What remains: a ScienceDirect PII
// address carries no DOI to read (kind other, status external), and the
// plain-text DOIs of the Word bibliography are no hyperlinks, so no
// skipped link lists them (the labels were strict).
var heldoutFloors = heldoutScore{
	precision: 0.95, recall: 0.95, falseCites: 1,
	skips: 0.90, ids: 0.95, kinds: 0.93, status: 0.93, findings: 0.95,
}

// heldoutZoteroFloor is the share of the Zotero citation fields of
// vitamin-d.docx that must cite the embedded work: since the Word reader
// reads the fields' CSL-JSON, both do, by "field". (In the first run of
// 2026-12-06 both fields' sentences were cited, but through the field's
// result text, read as the author-year citations "(Manson et al., 2019)"
// and "(Bolland et al., 2018)" and matched through the bibliography, not
// through the CSL-JSON the fields carry.)
const heldoutZoteroFloor = 1.0

var heldoutArticles = []struct {
	file, labels string
	opts         check.Options
	absent       []string // text of the file that is no sentence of the article
}{
	{"steps.html", "steps.labels.tsv", check.Options{}, nil},
	// Markdown names no canonical address: the site setting does.
	{"sugar.md", "sugar.labels.tsv", check.Options{Site: "morningledger.example"}, nil},
	// The tracked deletion and the comment are the editors', not the
	// article's.
	{"vitamin-d.docx", "vitamin-d.labels.tsv", check.Options{}, []string{"popular encyclopedia", "Check the wording", "ZOTERO_ITEM"}},
}

// heldoutLabel is one row of a labels file.
type heldoutLabel struct {
	line    int
	href    string
	cite    bool   // else skip
	claim   string // a substring of the cited sentence
	status  string // resolved, external
	kind    string // scholarly, report, news, other
	ids     map[string]string
	finding string // homepage-link, secondary-source, or ""
	reason  string // the skip reason, or "" for any
}

// zotero reports whether the row is a reference manager's citation field
// rather than a hyperlink.
func (l heldoutLabel) zotero() bool { return strings.HasPrefix(l.href, "zotero:") }

func readHeldoutLabels(t *testing.T, path string) []heldoutLabel {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ls []heldoutLabel
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# ") || line == "#" {
			continue
		}
		f := strings.Split(line, "\t")
		l := heldoutLabel{line: n, href: f[0]}
		switch {
		case len(f) == 7 && f[1] == "cite":
			l.cite, l.claim, l.status, l.kind, l.finding = true, f[2], f[3], f[4], dash(f[6])
			l.ids = map[string]string{}
			if f[5] != "-" {
				for _, kv := range strings.Split(f[5], ",") {
					k, v, _ := strings.Cut(kv, "=")
					l.ids[k] = strings.ToLower(v)
				}
			}
		case len(f) == 3 && f[1] == "skip":
			l.reason = dash(f[2])
		default:
			t.Fatalf("%s:%d: want href, cite and five columns or href, skip and a reason: %q", path, n, line)
		}
		ls = append(ls, l)
	}
	return ls
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// sameLink compares an address as the labels give it with one the report
// gives, forgiving the punctuation that ends a sentence and case (a
// mistake there shows in the identifiers instead).
func sameLink(label, got string) bool {
	trim := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), ".,;:") }
	return strings.EqualFold(trim(label), trim(got))
}

// heldoutScore holds the figures of one article, or the sums over all.
type heldoutScore struct {
	labelled, made, right int // cite rows, link citations made, made and right
	falseCites            int // citations of links labelled skip, or of addresses no label names
	skipRows, skipRight   int
	idRight, kindRight    int // among the right citations
	statusRight           int
	findRows, findRight   int
	zotRows, zotFound     int
	zotRight              int
	zotHow                []string // the kind and "by" of what cited each field's sentence
	// The ratios, for floors and the table.
	precision, recall, skips, ids, kinds, status, findings float64
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *heldoutScore) add(o heldoutScore) {
	s.labelled += o.labelled
	s.made += o.made
	s.right += o.right
	s.falseCites += o.falseCites
	s.skipRows += o.skipRows
	s.skipRight += o.skipRight
	s.idRight += o.idRight
	s.kindRight += o.kindRight
	s.statusRight += o.statusRight
	s.findRows += o.findRows
	s.findRight += o.findRight
	s.zotRows += o.zotRows
	s.zotFound += o.zotFound
	s.zotRight += o.zotRight
	s.zotHow = append(s.zotHow, o.zotHow...)
}

func (s *heldoutScore) finish() {
	s.precision = ratio(s.right, s.made)
	s.recall = ratio(s.right, s.labelled)
	s.skips = ratio(s.skipRight, s.skipRows)
	s.ids = ratio(s.idRight, s.right)
	s.kinds = ratio(s.kindRight, s.right)
	s.status = ratio(s.statusRight, s.right)
	s.findings = ratio(s.findRight, s.findRows)
}

func TestHeldoutLinks(t *testing.T) {
	dir := filepath.Join("testdata", "heldout-links")
	bib, err := os.ReadFile(filepath.Join(dir, "heldout.bib"))
	if err != nil {
		t.Fatal(err)
	}
	lib := refs(t, string(bib))
	doiOf := map[string]string{}
	for _, r := range lib {
		doiOf[r.Key] = strings.ToLower(r.IDs.DOI)
	}

	var tab bytes.Buffer
	tw := tabwriter.NewWriter(&tab, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "article\tcites\tmade\tright\tprec\trecall\tfalse\tskips\tids\tkind\tstatus\tfindings")
	row := func(name string, s heldoutScore) {
		// A ratio over nothing is shown as "-", not as a perfect score.
		r := func(v float64, of int) string {
			if of == 0 {
				return "-"
			}
			return fmt.Sprintf("%.2f", v)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", name, s.labelled, s.made, s.right,
			r(s.precision, s.made), r(s.recall, s.labelled), s.falseCites, r(s.skips, s.skipRows),
			r(s.ids, s.right), r(s.kinds, s.right), r(s.status, s.right), r(s.findings, s.findRows))
	}
	var all heldoutScore
	var disagree []string
	for _, a := range heldoutArticles {
		data, err := os.ReadFile(filepath.Join(dir, a.file))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := check.Check(a.file, data, "", lib, a.opts)
		if err != nil {
			t.Fatalf("%s: %v", a.file, err)
		}
		for _, text := range a.absent {
			if c := claimWith(rep, text); c != nil {
				t.Errorf("%s: %s holds %q, which is not in the article", a.file, c.ID, text)
			}
		}
		labels := readHeldoutLabels(t, filepath.Join(dir, a.labels))
		s, d := scoreHeldout(a.file, rep, labels, doiOf)
		disagree = append(disagree, d...)
		s.finish()
		row(a.file, s)
		all.add(s)
	}
	all.finish()
	row("overall", all)
	tw.Flush()
	zot := ratio(all.zotRight, all.zotRows)
	fmt.Fprintf(&tab, "reference-manager fields: %d labelled, %d found, %d resolved to the labelled work (%.2f; floor %.2f): %s\n",
		all.zotRows, all.zotFound, all.zotRight, zot, heldoutZoteroFloor, strings.Join(all.zotHow, "; "))
	t.Logf("held-out links, measured against the labels:\n%s", tab.String())
	t.Logf("disagreements with the labels (%d):\n%s", len(disagree), strings.Join(disagree, "\n"))

	f := heldoutFloors
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"link precision", all.precision, f.precision},
		{"link recall", all.recall, f.recall},
		{"skip-reason accuracy", all.skips, f.skips},
		{"identifier accuracy", all.ids, f.ids},
		{"source_kind accuracy", all.kinds, f.kinds},
		{"status accuracy", all.status, f.status},
		{"link-finding accuracy", all.findings, f.findings},
		{"reference-manager fields", zot, heldoutZoteroFloor},
	} {
		if c.got < c.want {
			t.Errorf("%s %.2f, below its floor %.2f", c.name, c.got, c.want)
		}
	}
	if all.falseCites > f.falseCites {
		t.Errorf("%d false citations from links that are no source, more than the %d allowed", all.falseCites, f.falseCites)
	}
}

// scoreHeldout compares one report with its labels, and says in words
// where they disagree.
func scoreHeldout(name string, rep *corpus.Report, labels []heldoutLabel, doiOf map[string]string) (heldoutScore, []string) {
	var s heldoutScore
	var d []string
	say := func(l *heldoutLabel, format string, args ...any) {
		where := name
		if l != nil {
			where = fmt.Sprintf("%s labels:%d", name, l.line)
		}
		d = append(d, where+": "+fmt.Sprintf(format, args...))
	}
	used := make([]bool, len(labels))
	// take finds the first row not yet used that ok accepts.
	take := func(ok func(heldoutLabel) bool) *heldoutLabel {
		for i, l := range labels {
			if !used[i] && ok(l) {
				used[i] = true
				return &labels[i]
			}
		}
		return nil
	}
	cited := map[*heldoutLabel]bool{}
	for _, l := range labels {
		switch {
		case l.zotero():
			s.zotRows++
		case l.cite:
			s.labelled++
			if l.finding != "" {
				s.findRows++
			}
		default:
			s.skipRows++
		}
	}

	// Every link citation the checker made, matched to a row: the right
	// sentence first, then a skip row of the address, then a citation of
	// the address by another sentence.
	for _, c := range rep.Claims {
		for _, cl := range c.Citations {
			if cl.Kind != corpus.LinkKind {
				continue
			}
			s.made++
			l := take(func(l heldoutLabel) bool {
				return l.cite && sameLink(l.href, cl.URL) && strings.Contains(c.Text, l.claim)
			})
			if l != nil {
				s.right++
				cited[l] = true
				scoreCitation(&s, l, cl, say)
				continue
			}
			if l = take(func(l heldoutLabel) bool { return !l.cite && sameLink(l.href, cl.URL) }); l != nil {
				cited[l] = true
				s.falseCites++
				say(l, "FALSE CITATION: %s (labelled skip %s) cited by %s %q", cl.URL, orAny(l.reason), c.ID, short(c.Text))
				continue
			}
			if l = take(func(l heldoutLabel) bool { return l.cite && !l.zotero() && sameLink(l.href, cl.URL) }); l != nil {
				cited[l] = true
				say(l, "WRONG SENTENCE: %s cites %s %q, labelled %q", cl.URL, c.ID, short(c.Text), l.claim)
				continue
			}
			s.falseCites++
			say(nil, "FALSE CITATION: %s, which no label names, cited by %s %q", cl.URL, c.ID, short(c.Text))
		}
	}
	for i := range labels {
		l := &labels[i]
		if l.cite && !l.zotero() && !cited[l] {
			say(l, "MISSED: %s should cite %q", l.href, l.claim)
		}
	}

	// Skip reasons. A row labelled "-" is right when nothing cites it.
	usedSkip := make([]bool, len(rep.LinksSkipped))
	for i := range labels {
		l := &labels[i]
		if l.cite {
			continue
		}
		got := "(not listed)"
		for j, sk := range rep.LinksSkipped {
			if !usedSkip[j] && sameLink(l.href, sk.URL) {
				usedSkip[j] = true
				got = string(sk.Reason)
				break
			}
		}
		switch {
		case cited[l]:
		case l.reason == "" || l.reason == got:
			s.skipRight++
		default:
			say(l, "SKIP REASON: %s is %s, labelled %s", l.href, got, l.reason)
		}
	}
	for j, sk := range rep.LinksSkipped {
		if !usedSkip[j] {
			say(nil, "UNLABELLED SKIP: %s (%s)", sk.URL, sk.Reason)
		}
	}

	// The link findings the labels expect, and any the labels do not.
	findings := map[string]map[string]bool{}
	for _, f := range rep.Findings {
		if f.Code == check.CodeHomepageLink || f.Code == check.CodeSecondarySource {
			if findings[f.Claim] == nil {
				findings[f.Claim] = map[string]bool{}
			}
			findings[f.Claim][f.Code] = true
		}
	}
	expected := map[string]bool{}
	for i := range labels {
		l := &labels[i]
		if !l.cite || l.zotero() {
			continue
		}
		c := claimWith(rep, l.claim)
		if c == nil {
			say(l, "NO SENTENCE holds %q", l.claim)
			continue
		}
		if l.finding == "" {
			continue
		}
		expected[c.ID+" "+l.finding] = true
		if findings[c.ID][l.finding] {
			s.findRight++
		} else {
			say(l, "FINDING: %s has no %s", c.ID, l.finding)
		}
	}
	for id, codes := range findings {
		for code := range codes {
			if !expected[id+" "+code] {
				say(nil, "UNEXPECTED FINDING: %s on %s", code, id)
			}
		}
	}

	// Reference-manager fields: a citation of the sentence that is not a
	// link, resolved to the work the field embeds.
	for i := range labels {
		l := &labels[i]
		if !l.zotero() {
			continue
		}
		c := claimWith(rep, l.claim)
		var found, right bool
		if c != nil {
			for _, cl := range c.Citations {
				if cl.Kind == corpus.LinkKind {
					continue
				}
				found = true
				s.zotHow = append(s.zotHow, cl.Kind+" "+cl.Marker+" by "+cl.By)
				if cl.Status == corpus.Resolved && cl.Key != nil && doiOf[*cl.Key] == l.ids["doi"] {
					right = true
				}
			}
		}
		if found {
			s.zotFound++
		}
		if right {
			s.zotRight++
		} else {
			say(l, "REFERENCE MANAGER: the Zotero field of %q does not cite %s (found a citation: %v)", l.claim, l.ids["doi"], found)
		}
	}
	return s, d
}

// scoreCitation counts the identifiers, kind and status of a citation the
// checker attached to the right sentence.
func scoreCitation(s *heldoutScore, l *heldoutLabel, cl corpus.CitationLink, say func(*heldoutLabel, string, ...any)) {
	got := map[string]string{}
	if cl.IDs != nil {
		for k, v := range map[string]string{"doi": cl.IDs.DOI, "pmid": cl.IDs.PMID, "pmcid": cl.IDs.PMCID, "arxiv": cl.IDs.ArXiv} {
			if v != "" {
				got[k] = strings.ToLower(v)
			}
		}
	}
	if fmt.Sprint(got) == fmt.Sprint(l.ids) {
		s.idRight++
	} else {
		say(l, "IDS: %s gives %v, labelled %v", l.href, got, l.ids)
	}
	if cl.SourceKind == l.kind {
		s.kindRight++
	} else {
		say(l, "SOURCE KIND: %s is %s, labelled %s", l.href, cl.SourceKind, l.kind)
	}
	if string(cl.Status) == l.status {
		s.statusRight++
	} else {
		key := ""
		if cl.Key != nil {
			key = " " + *cl.Key
		}
		say(l, "STATUS: %s is %s%s, labelled %s", l.href, cl.Status, key, l.status)
	}
}

func claimWith(rep *corpus.Report, sub string) *corpus.Claim {
	for i := range rep.Claims {
		if strings.Contains(rep.Claims[i].Text, sub) {
			return &rep.Claims[i]
		}
	}
	return nil
}

func orAny(reason string) string {
	if reason == "" {
		return "(any)"
	}
	return reason
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
