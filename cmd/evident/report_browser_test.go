package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// The HTML report in a real browser: headless Chromium driven over the
// DevTools protocol. The tests skip when no Chromium or Chrome is
// installed; CI installs the Debian package when it can (.ci/run).

// findChrome returns the browser to drive: $EVIDENT_CHROME, else the first
// Chromium or Chrome on PATH.
func findChrome() string {
	if p := os.Getenv("EVIDENT_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless browser with a fresh profile and returns a tab
// and a counter of the JavaScript dialogs (alert, confirm, prompt) any
// page opened; each is dismissed so that the page goes on.
func browser(t *testing.T) (context.Context, *atomic.Int32) {
	t.Helper()
	path := findChrome()
	if path == "" {
		t.Skip("no chromium or chrome binary on PATH (install the Debian package chromium, or set EVIDENT_CHROME): skipping the browser test of the HTML report")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // tests may run as root, where the sandbox refuses to start
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 1400),
	)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	var dialogs atomic.Int32
	opened := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range opened {
			if err != nil {
				return
			}
			dialogs.Add(1)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx, &dialogs
}

// report runs evident check with args and returns standard output.
func report(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &App{Out: &out, Err: &errOut, Getenv: func(string) string { return "" }, Getwd: os.Getwd, NoColor: true}
	if code := a.Execute(context.Background(), append([]string{"check", "--fail-on", "none"}, args...)); code != exitOK {
		t.Fatalf("evident check %v: exit %d: %s", args, code, errOut.String())
	}
	return out.Bytes()
}

func writePage(t *testing.T, page []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// pageMarks counts the marks the page should give: the JSON report's
// statuses, the one meaning of supported every format shares.
func pageMarks(rep *corpus.Report) map[string]int {
	n := map[string]int{}
	for _, c := range rep.Claims {
		n[string(c.Status)]++
	}
	return n
}

func TestReportBrowser_Example(t *testing.T) {
	ctx, dialogs := browser(t)
	examples := filepath.Join("..", "..", "examples")
	args := []string{"--bib", filepath.Join(examples, "back-pain.bib"), filepath.Join(examples, "back-pain.md")}
	var rep corpus.Report
	if err := json.Unmarshal(report(t, append([]string{"--format", "json"}, args...)...), &rep); err != nil {
		t.Fatal(err)
	}
	pageURL := writePage(t, report(t, append([]string{"--format", "html"}, args...)...))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 1400), chromedp.Navigate(pageURL)); err != nil {
		t.Fatal(err)
	}

	// Every sentence is marked, and the counts are the JSON report's.
	count := func(sel string) int {
		return eval[int](t, ctx, `document.querySelectorAll(`+jsString(sel)+`).length`)
	}
	if got, want := count(".text .s"), len(rep.Claims); got != want {
		t.Errorf("%d sentences on the page, the JSON report has %d", got, want)
	}
	checks := map[string]int{"supported": rep.Summary.Supported, "unsupported": rep.Summary.Unsupported, "not-a-claim": rep.Summary.Sentences - rep.Summary.Claims}
	for status, want := range checks {
		if got := count(`.text .s[data-check="` + status + `"]`); got != want {
			t.Errorf("%d sentences have the check status %s, the JSON report %d", got, status, want)
		}
	}
	for mark, want := range pageMarks(&rep) {
		if got := count(`.text .s.` + mark + `[data-status="` + mark + `"]`); got != want {
			t.Errorf("%d sentences marked %s, want %d from the JSON report", got, mark, want)
		}
		if got := eval[string](t, ctx, `document.querySelector('[data-count="`+mark+`"]').textContent`); got != itoa(want) {
			t.Errorf("the header counts %s %s, want %d", got, mark, want)
		}
	}

	// A finding's link lands on its sentence and shows its details.
	var dangling corpus.Finding
	for _, f := range rep.Findings {
		if f.Code == check.CodeDanglingCitation {
			dangling = f
		}
	}
	sid := "s-" + strings.TrimPrefix(dangling.Claim, "c")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.findings a[href="#`+sid+`"]`))); err != nil {
		t.Fatal(err)
	}
	type landing struct {
		Hash, Target, Display, Details string
	}
	land := func() landing {
		return eval[landing](t, ctx, `(() => { const s = document.querySelector(':target'); const d = s && s.nextElementSibling;
			return {Hash: location.hash, Target: s ? s.id : '', Display: d ? getComputedStyle(d).display : '', Details: d ? d.innerText : ''}; })()`)
	}
	got := land()
	if got.Hash != "#"+sid || got.Target != sid || got.Display != "block" || !strings.Contains(got.Details, "dangling-citation") {
		t.Errorf("after the finding's link: %+v, want %s targeted with its details shown", got, sid)
	}

	// Clicking a sentence (the script) shows its citations and the
	// reference they matched, formatted.
	var cited *corpus.Claim
	for i, c := range rep.Claims {
		if c.Status == "supported" && len(c.Citations) == 1 && c.Citations[0].Key != nil && *c.Citations[0].Key == "machado2015paracetamol" {
			cited = &rep.Claims[i]
		}
	}
	if cited == nil {
		t.Fatal("the example has no claim citing machado2015paracetamol")
	}
	sid = "s-" + strings.TrimPrefix(cited.ID, "c")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID(sid))); err != nil {
		t.Fatal(err)
	}
	got = land()
	if got.Hash != "#"+sid || got.Target != sid || got.Display != "block" {
		t.Errorf("after clicking %s: %+v", sid, got)
	}
	for _, want := range []string{"(2) cites 2", "resolved", "Machado", "Efficacy and safety of paracetamol for spinal pain and osteoarthritis", "Claim score"} {
		if !strings.Contains(got.Details, want) {
			t.Errorf("the details of %s lack %q:\n%s", sid, want, got.Details)
		}
	}

	// Keyboard: Tab-focus shows the details, Enter targets the sentence.
	sid = "s-1"
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID(sid))); err != nil {
		t.Fatal(err)
	}
	if d := eval[string](t, ctx, `getComputedStyle(document.getElementById('`+sid+`-d')).display`); d != "block" {
		t.Errorf("a focused sentence's details are %q, want shown", d)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if h := eval[string](t, ctx, `location.hash`); h != "#"+sid {
		t.Errorf("Enter on a focused sentence: hash %q, want #%s", h, sid)
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}

	// The README's screenshot: the text, with the first claim whose cited
	// work has no text open (the example's library holds titles only).
	weak := ""
	for _, f := range rep.Findings {
		if f.Code == check.CodeNoSourceText && weak == "" {
			weak = "s-" + strings.TrimPrefix(f.Claim, "c")
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID(weak)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('a1-text').scrollIntoView(); window.scrollBy(0, -16)`)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "report.png")
	if os.Getenv("EVIDENT_SCREENSHOT") == "1" {
		out = filepath.Join("..", "..", "docs", "report.png")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", out)
}

func TestReportBrowser_HostileArticleRunsNothing(t *testing.T) {
	ctx, dialogs := browser(t)
	dir := filepath.Join("..", "..", "export", "testdata", "hostile")
	pageURL := writePage(t, report(t, "--format", "html", "--bib", filepath.Join(dir, "hostile.bib"),
		filepath.Join(dir, "hostile.txt"), filepath.Join(dir, "hostile.md")))
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL)); err != nil {
		t.Fatal(err)
	}
	// Open every sentence's details, as a reader clicking through would.
	n := eval[int](t, ctx, `document.querySelectorAll('.text .s').length`)
	if n < 10 {
		t.Fatalf("only %d sentences on the hostile page", n)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.text .s`)), chromedp.Click(chromedp.ID("a2-s-2"))); err != nil {
		t.Fatal(err)
	}
	type census struct {
		Scripts, Injected, Handlers, BadLinks int
		Text                                  string
	}
	c := eval[census](t, ctx, `(() => {
		const all = [...document.querySelectorAll('*')];
		return {
			Scripts: document.scripts.length,
			Injected: document.querySelectorAll('img, iframe, object, embed, textarea, svg, math, form, base, link, style:not(head > style)').length,
			Handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
			BadLinks: all.filter(e => ['href', 'src', 'action'].some(k => /^\s*(javascript|data|vbscript):/i.test(e.getAttribute(k) || ''))).length,
			Text: document.body.innerText,
		};
	})()`)
	if c.Scripts != 1 || c.Injected != 0 || c.Handlers != 0 || c.BadLinks != 0 {
		t.Errorf("the hostile page has %d scripts (want 1), %d injected elements, %d elements with handlers, %d script links", c.Scripts, c.Injected, c.Handlers, c.BadLinks)
	}
	for _, s := range []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(3)>`, `</textarea>`, `<iframe src="javascript:alert(2)"></iframe>`} {
		if !strings.Contains(c.Text, s) {
			t.Errorf("the page does not show %q as text", s)
		}
	}
	// Our script ran (a click targets the sentence): the policy's hash is right.
	if h := eval[string](t, ctx, `location.hash`); h != "#a2-s-2" {
		t.Errorf("after a click the hash is %q: did the page's own script run?", h)
	}
	if got := dialogs.Load(); got != 0 {
		t.Errorf("the hostile page opened %d dialogs", got)
	}
	// The listener does see a dialog: the test opens one itself, from
	// outside the page's policy.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`setTimeout(() => alert('test'), 0)`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => setTimeout(() => r(true), 50))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	if got := dialogs.Load(); got != 1 {
		t.Errorf("the dialog listener counted %d dialogs after the test's own alert, want 1", got)
	}
}

func TestReportBrowser_WorksWithoutScriptInDarkAndPrint(t *testing.T) {
	ctx, _ := browser(t)
	examples := filepath.Join("..", "..", "examples")
	pageURL := writePage(t, report(t, "--format", "html", "--bib", filepath.Join(examples, "back-pain.bib"), filepath.Join(examples, "back-pain.md")))
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL)); err != nil {
		t.Fatal(err)
	}
	// A finding's link still lands on its sentence with its details.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.findings li.error a[href^="#s-"]`))); err != nil {
		t.Fatal(err)
	}
	shown := eval[string](t, ctx, `(() => { const s = document.querySelector(':target'); return s && s.classList.contains('s') ? getComputedStyle(s.nextElementSibling).display : 'no sentence targeted'; })()`)
	if shown != "block" {
		t.Errorf("without the script, a finding's link shows its sentence's details: %q", shown)
	}
	// A click on a sentence focuses it, which shows its details; the
	// address stays (that is the script's part).
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("s-6"))); err != nil {
		t.Fatal(err)
	}
	if d := eval[string](t, ctx, `getComputedStyle(document.getElementById('s-6-d')).display`); d != "block" {
		t.Errorf("without the script, a clicked sentence's details are %q", d)
	}
	if h := eval[string](t, ctx, `location.hash`); h == "#s-6" {
		t.Errorf("the script ran although scripts are disabled")
	}

	bg := func() string { return eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`) }
	light := bg()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	if dark := bg(); dark == light {
		t.Errorf("the dark scheme keeps the light background %s", light)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	// Printed, marks keep their shape and icon, not only a background.
	type mark struct{ Background, Decoration, After string }
	m := eval[mark](t, ctx, `(() => { const s = document.querySelector('.text .s.unsupported');
		return {Background: getComputedStyle(s).backgroundColor, Decoration: getComputedStyle(s).textDecorationStyle, After: getComputedStyle(s, '::after').content}; })()`)
	if m.Decoration != "wavy" || !strings.Contains(m.After, "\u2717") && !strings.Contains(m.After, "✗") {
		t.Errorf("printed, an unsupported sentence is %+v; want a wavy underline and a cross", m)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestReportBrowser_SeverityAndVerdictFiltersFilter checks that the page
// shows what the filters chose, not only a shorter list: under --severity
// error the text colours only the sentences of the errors listed, and a
// verdict button of the evidence table leaves only that verdict's rows.
func TestReportBrowser_SeverityAndVerdictFiltersFilter(t *testing.T) {
	ctx, _ := browser(t)
	examples := filepath.Join("..", "..", "examples")
	args := []string{"--severity", "error", "--bib", filepath.Join(examples, "back-pain.bib"), filepath.Join(examples, "back-pain.md")}
	var rep corpus.Report
	if err := json.Unmarshal(report(t, append([]string{"--format", "json"}, args...)...), &rep); err != nil {
		t.Fatal(err)
	}
	// The sentences an error is about, and the unsupported ones among them.
	errorClaims := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Severity == corpus.Error && f.Claim != "" {
			errorClaims[f.Claim] = true
		}
	}
	wantRed, unsupported := 0, 0
	for _, c := range rep.Claims {
		if c.Status == "unsupported" {
			unsupported++
			if errorClaims[c.ID] {
				wantRed++
			}
		}
	}
	if unsupported == wantRed {
		t.Fatalf("the example has no unsupported sentence without an error (%d unsupported): the test shows nothing", unsupported)
	}
	pageURL := writePage(t, report(t, append([]string{"--format", "html"}, args...)...))
	if err := chromedp.Do(ctx, chromedp.Navigate(pageURL)); err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.findings li:not(.error)').length`); n != 0 {
		t.Errorf("--severity error lists %d findings that are no error", n)
	}
	red := eval[int](t, ctx, `[...document.querySelectorAll('.text .s[data-status="unsupported"]')].filter(s =>
		getComputedStyle(s).textDecorationLine.includes('underline') || getComputedStyle(s, '::after').content.includes('\u2717')).length`)
	if red != wantRed {
		t.Errorf("%d sentences shown unsupported under --severity error, want the %d an error is about (of %d unsupported)", red, wantRed, unsupported)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.text .s[data-status="unsupported"]').length`); n != unsupported {
		t.Errorf("%d sentences keep the unsupported status, want %d: the filter changes colours, not statuses", n, unsupported)
	}

	// The evidence table, filtered by verdict with no script.
	rows := eval[int](t, ctx, `document.querySelectorAll('.evidence tr[data-verdict]').length`)
	if rows == 0 {
		t.Skip("the example's report has no evidence rows to filter")
	}
	verdict := eval[string](t, ctx, `document.querySelector('.evidence tr[data-verdict]').dataset.verdict`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.evidence input[value="`+verdict+`"] + label`))); err != nil {
		t.Fatal(err)
	}
	type counts struct{ Shown, Want int }
	got := eval[counts](t, ctx, `(() => { const rows = [...document.querySelectorAll('.evidence tr[data-verdict]')];
		return {Shown: rows.filter(r => getComputedStyle(r).display !== 'none').length,
			Want: rows.filter(r => r.dataset.verdict === `+jsString(verdict)+`).length}; })()`)
	if got.Shown != got.Want {
		t.Errorf("the %s button shows %d evidence rows, want the %d with that verdict", verdict, got.Shown, got.Want)
	}
}
