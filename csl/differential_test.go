package csl_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/csl"
	exportcsl "github.com/evident-tools/evident/export/csl"
)

const corpora = "../../shared/corpora"

// differentialItems is the fixed set of real references the differential
// test renders: BibTeX entries mapped by export/csl (one of each entry type
// of a real Zotero library, then every 150th entry, and entries with name
// particles) and CSL-JSON items of a real manuscript. Ids are renamed i01…
// so that pandoc's HTML ids stay plain.
func differentialItems(t testing.TB) []byte {
	t.Helper()
	var raw []json.RawMessage
	add := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		m["id"] = fmt.Sprintf("i%02d", len(raw)+1)
		delete(m, "citation-key")
		for k, v := range m {
			// pandoc reads only text in ordinary variables
			if _, isList := v.([]any); isList && k != "author" && k != "editor" && k != "translator" && k != "container-author" && k != "collection-editor" {
				delete(m, k)
			}
		}
		b, _ = json.Marshal(m)
		raw = append(raw, b)
	}
	bib := func(file string, pick func(i int, typ string) bool) {
		data, err := os.ReadFile(filepath.Join(corpora, "bibtex", file))
		if err != nil {
			t.Skipf("corpora absent (%v): the differential test needs ../shared/corpora", err)
		}
		p := bibtex.NewParser()
		if _, err := p.Parse(file, data); err != nil {
			t.Fatal(err)
		}
		for i, r := range p.References() {
			if pick(i, r.Type) {
				add(exportcsl.FromReference(r))
			}
		}
	}
	seen := map[string]bool{}
	bib("bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex", func(i int, typ string) bool {
		if !seen[typ] {
			seen[typ] = true
			return true
		}
		return i%150 == 0
	})
	bib("bbt-zotero-exports/AuthorsAlpha_cannot_properly_deal_with_lastname_with_prefix_like_von_van_de_when_generating_a_citekey_3272.biblatex", func(i int, _ string) bool { return i < 3 })
	data, err := os.ReadFile(filepath.Join(corpora, "articles/deep-review/content/manual-references.json"))
	if err != nil {
		t.Skipf("corpora absent: %v", err)
	}
	var js []json.RawMessage
	if err := json.Unmarshal(data, &js); err != nil {
		t.Fatal(err)
	}
	for i, j := range js {
		if i%3 == 0 {
			var m map[string]any
			_ = json.Unmarshal(j, &m)
			add(m)
		}
	}
	out, _ := json.MarshalIndent(raw, "", " ")
	return out
}

// pandocVersion returns the first line of `pandoc --version`, part of the
// cache key of pandoc's answers; it skips the test in -short mode or when
// pandoc is not installed.
func pandocVersion(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("differential test against pandoc skipped in -short mode")
	}
	out, err := exec.Command("pandoc", "--version").Output()
	if err != nil {
		t.Skip("pandoc not installed: the differential test needs pandoc (Debian package pandoc)")
	}
	return strings.SplitN(string(out), "\n", 2)[0]
}

// sampleStyles picks a fixed, evenly spread sample of n independent styles
// from the system folder, plus the corpora's styles.
func sampleStyles(t testing.TB, n int) []string {
	dir := filepath.Join(csl.SystemDir, "styles")
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no system CSL styles (%v): install Debian's citation-style-language-styles", err)
	}
	var all []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".csl") {
			all = append(all, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(all)
	// EVIDENT_CSL_SAMPLE_OFFSET shifts the sample by that many styles: the
	// processor was corrected against the default sample, so a shifted
	// one (the styles between) measures it on styles it was not tuned on.
	offset, _ := strconv.Atoi(os.Getenv("EVIDENT_CSL_SAMPLE_OFFSET"))
	var out []string
	for i := 0; i < n && len(all) > 0; i++ {
		out = append(out, all[(i*len(all)/n+offset)%len(all)])
	}
	extra, _ := filepath.Glob(filepath.Join(corpora, "csl", "*.csl"))
	sort.Strings(extra)
	return append(out, extra...)
}

var entryRE = regexp.MustCompile(`<div id="ref-(i\d+)" class="csl-entry"[^>]*>`)
var tagRE = regexp.MustCompile(`<[^>]+>`)

// pandocEntries runs pandoc's citeproc on the items with one style and
// returns each bibliography entry as text.
func pandocEntries(style string, items []byte, version string) (map[string]string, error) {
	out, err := runPandoc(style, items, "---\nnocite: '@*'\n---\n", version)
	if err != nil {
		return nil, err
	}
	return splitEntries(out), nil
}

// runPandoc converts a Markdown document with citations to HTML with
// pandoc's citeproc. Results are cached in the user's cache folder by the
// hash of the style, the items, the document and pandoc's version.
func runPandoc(style string, items []byte, docText, version string) (string, error) {
	sdata, err := os.ReadFile(style)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write(sdata)
	h.Write(items)
	h.Write([]byte(docText))
	h.Write([]byte(version))
	key := hex.EncodeToString(h.Sum(nil))[:24]
	if docText == "---\nnocite: '@*'\n---\n" {
		// the key of the first version of this test, so caches stay warm
		h = sha256.New()
		h.Write(sdata)
		h.Write(items)
		h.Write([]byte(version))
		key = hex.EncodeToString(h.Sum(nil))[:24]
	}
	cacheDir := ""
	if d, err := os.UserCacheDir(); err == nil {
		cacheDir = filepath.Join(d, "evident", "csl-pandoc")
	}
	var out []byte
	if cacheDir != "" {
		out, _ = os.ReadFile(filepath.Join(cacheDir, key+".html"))
	}
	if out == nil {
		tmp, err := os.MkdirTemp("", "csldiff")
		if err != nil {
			return "", err
		}
		defer os.RemoveAll(tmp)
		bibFile := filepath.Join(tmp, "items.json")
		doc := filepath.Join(tmp, "doc.md")
		_ = os.WriteFile(bibFile, items, 0o644)
		_ = os.WriteFile(doc, []byte(docText), 0o644)
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "pandoc", "--citeproc", "--csl", style, "--bibliography", bibFile, "-t", "html", "--wrap=none", doc)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err = cmd.Output()
		if err != nil {
			return "", fmt.Errorf("pandoc: %v: %s", err, stderr.String())
		}
		if cacheDir != "" && os.MkdirAll(cacheDir, 0o755) == nil {
			_ = os.WriteFile(filepath.Join(cacheDir, key+".html"), out, 0o644)
		}
	}
	return string(out), nil
}

// splitEntries finds each csl-entry div (which may hold nested divs) and
// returns its text.
func splitEntries(doc string) map[string]string {
	res := map[string]string{}
	for _, m := range entryRE.FindAllStringSubmatchIndex(doc, -1) {
		id := doc[m[2]:m[3]]
		depth, i := 1, m[1]
		for i < len(doc) && depth > 0 {
			next := strings.Index(doc[i:], "div")
			if next < 0 {
				break
			}
			i += next
			if strings.HasPrefix(doc[i-1:], "<div") {
				depth++
			} else if strings.HasPrefix(doc[i-2:], "</div") {
				depth--
			}
			i += 3
		}
		body := doc[m[1]:max(m[1], i-5)]
		res[id] = normText(html.UnescapeString(tagRE.ReplaceAllString(strings.ReplaceAll(body, "</div><div", "</div> <div"), "")))
	}
	return res
}

func normText(s string) string { return strings.Join(strings.Fields(s), " ") }

type styleResult struct {
	style        string
	equal, total int
	err          error
	diffs        []string
}

// TestDifferential_AgreesWithPandoc renders a fixed set of real references
// in 300 system styles and the corpora's styles with pandoc's citeproc and
// with this package, and compares entry by entry.
func TestDifferential_AgreesWithPandoc(t *testing.T) {
	version := pandocVersion(t)
	items := differentialItems(t)
	styles := sampleStyles(t, 300)
	parsed, err := csl.ItemsFromJSON(items)
	if err != nil {
		t.Fatal(err)
	}
	locales := csl.DirLocales(filepath.Join(csl.SystemDir, "locales"))
	results := make([]styleResult, len(styles))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = compareStyle(styles[i], items, parsed, locales, version)
			}
		}()
	}
	for i := range styles {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	equal, total := 0, 0
	buckets := map[string]int{}
	var report strings.Builder
	for _, r := range results {
		equal += r.equal
		total += r.total
		share := 0.0
		if r.total > 0 {
			share = float64(r.equal) / float64(r.total)
		}
		switch {
		case r.err != nil:
			buckets["error"]++
		case r.total == 0:
			buckets["no bibliography"]++
		case share == 1:
			buckets["100%"]++
		case share >= 0.9:
			buckets["90-99%"]++
		case share >= 0.75:
			buckets["75-89%"]++
		case share >= 0.5:
			buckets["50-74%"]++
		default:
			buckets["<50%"]++
		}
		fmt.Fprintf(&report, "== %s %d/%d %v\n", filepath.Base(r.style), r.equal, r.total, r.err)
		for _, d := range r.diffs {
			report.WriteString(d)
		}
	}
	if out := os.Getenv("CSL_DIFF_REPORT"); out != "" {
		_ = os.WriteFile(out, []byte(report.String()), 0o644)
		_ = os.WriteFile(out+".items.json", items, 0o644)
	}
	share := float64(equal) / float64(max(total, 1))
	t.Logf("differential: %d styles, %d entries, %d equal (%.1f%%); styles by share equal: %v", len(styles), total, equal, 100*share, buckets)
	if share < 0.95 {
		t.Errorf("only %.1f%% of entries equal pandoc's, want at least 95%% (set CSL_DIFF_REPORT=file to see the differences)", 100*share)
	}
}

func compareStyle(style string, items []byte, parsed []csl.Item, locales csl.LocaleSource, version string) styleResult {
	r := styleResult{style: style}
	want, err := pandocEntries(style, items, version)
	if err != nil {
		r.err = err
		return r
	}
	data, _ := os.ReadFile(style)
	st, err := csl.ParseStyle(data, filepath.Base(style))
	if err == nil && !st.HasBibliography() {
		return r // citation-only styles have nothing to compare
	}
	var got []csl.Entry
	if err == nil {
		var p *csl.Processor
		p, err = csl.New(st, locales, csl.Options{})
		if err == nil {
			got, err = p.Bibliography(parsed)
		}
	}
	r.total = len(want)
	if err != nil {
		r.err = err
		return r
	}
	for _, e := range got {
		w, ok := want[e.ID]
		if !ok {
			continue
		}
		g := normText(e.Text)
		if g == w {
			r.equal++
		} else {
			r.diffs = append(r.diffs, fmt.Sprintf("- %s\n  pandoc:  %s\n  evident: %s\n", e.ID, w, g))
		}
	}
	return r
}

var paraRE = regexp.MustCompile(`(?s)<p>(.*?)</p>`)

// TestDifferential_CitationsAgreeWithPandoc renders in-text citation
// clusters (one item, two and four items, the same item twice) in the
// corpora's in-text styles with pandoc and with this package. It reports
// the share equal and fails below 80%.
func TestDifferential_CitationsAgreeWithPandoc(t *testing.T) {
	version := pandocVersion(t)
	items := differentialItems(t)
	parsed, err := csl.ItemsFromJSON(items)
	if err != nil {
		t.Fatal(err)
	}
	var clusters []csl.Cluster
	var doc strings.Builder
	doc.WriteString("---\nsuppress-bibliography: true\n---\n\n")
	add := func(ids ...string) {
		var cl csl.Cluster
		var keys []string
		for _, id := range ids {
			cl.Items = append(cl.Items, csl.CiteRef{ID: id})
			keys = append(keys, "@"+id)
		}
		clusters = append(clusters, cl)
		doc.WriteString("[" + strings.Join(keys, "; ") + "]\n\n")
	}
	for _, it := range parsed {
		add(it.ID)
	}
	add(parsed[0].ID, parsed[1].ID)
	add(parsed[5].ID, parsed[6].ID, parsed[7].ID, parsed[8].ID)
	add(parsed[10].ID)
	add(parsed[10].ID)
	styles, _ := filepath.Glob(filepath.Join(corpora, "csl", "*.csl"))
	locales := csl.DirLocales(filepath.Join(csl.SystemDir, "locales"))
	equal, total := 0, 0
	for _, style := range styles {
		data, _ := os.ReadFile(style)
		st, err := csl.ParseStyle(data, filepath.Base(style))
		if err != nil {
			t.Errorf("%s: %v", style, err)
			continue
		}
		if st.Class == "note" {
			continue // pandoc puts note citations in footnotes
		}
		out, err := runPandoc(style, items, doc.String(), version)
		if err != nil {
			t.Errorf("%s: %v", style, err)
			continue
		}
		var want []string
		for _, m := range paraRE.FindAllStringSubmatch(out, -1) {
			want = append(want, normText(html.UnescapeString(tagRE.ReplaceAllString(m[1], ""))))
		}
		p, err := csl.New(st, locales, csl.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Citations(parsed, clusters)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			if i >= len(want) {
				break
			}
			total++
			if normText(got[i]) == want[i] {
				equal++
			} else {
				t.Logf("%s cluster %d: pandoc %q, evident %q", filepath.Base(style), i+1, want[i], got[i])
			}
		}
	}
	share := float64(equal) / float64(max(total, 1))
	t.Logf("citations: %d of %d clusters equal (%.1f%%)", equal, total, 100*share)
	if share < 0.8 {
		t.Errorf("only %.1f%% of citation clusters equal pandoc's", 100*share)
	}
}
