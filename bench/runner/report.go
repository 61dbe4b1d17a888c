package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

// info is what the report says about the machine and the tools.
type info struct {
	date     string
	machine  string
	os       string
	versions [][2]string
}

func collectInfo(st *setup, rev string) info {
	in := info{date: time.Now().UTC().Format("2006-01-02 15:04 MST")}
	model := firstMatch("/proc/cpuinfo", "model name")
	mem := firstMatch("/proc/meminfo", "MemTotal")
	in.machine = fmt.Sprintf("%d cores (%s), %s RAM", runtime.NumCPU(), model, memGiB(mem))
	in.os = strings.Trim(firstMatchKV("/etc/os-release", "PRETTY_NAME"), `"`)
	if k, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		in.os += ", Linux " + strings.TrimSpace(string(k))
	}
	v := func(name string, argv ...string) {
		out, _ := exec.Command(argv[0], argv[1:]...).CombinedOutput()
		line := strings.TrimSpace(firstNonEmptyLine(string(out)))
		if line == "" {
			line = "not found"
		}
		in.versions = append(in.versions, [2]string{name, line})
	}
	ev := rev
	if ev == "" {
		ev = "unknown revision"
	}
	goVer, _ := exec.Command("go", "env", "GOVERSION").Output()
	in.versions = append(in.versions, [2]string{"evident", ev + ", built with " + strings.TrimSpace(string(goVer))})
	v("biber", "biber", "--version")
	v("bibtool", "bibtool", "-V")
	v("pandoc", "pandoc", "--version")
	v("python", st.python, "--version")
	v("python peers", st.python, filepath.Join(st.bench, "peer.py"), "versions")
	v("node", "node", "--version")
	v("node peers", "node", filepath.Join(st.bench, "peer.mjs"), "versions")
	return in
}

func firstNonEmptyLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// firstMatch returns the value of the first "key : value" line of a /proc file.
func firstMatch(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func firstMatchKV(path, key string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok && k == key {
			return v
		}
	}
	return "unknown"
}

func memGiB(memTotal string) string {
	var kb int64
	fmt.Sscanf(memTotal, "%d", &kb)
	return fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
}

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// exportHasStyle asks evident whether its export command takes --style.
func exportHasStyle(evident string) bool {
	out, _ := exec.Command(evident, "export", "--help").CombinedOutput()
	return strings.Contains(string(out), "--style")
}

func secs(d time.Duration) string {
	s := d.Seconds()
	switch {
	case s < 1:
		return fmt.Sprintf("%.3f", s)
	case s < 100:
		return fmt.Sprintf("%.2f", s)
	}
	return fmt.Sprintf("%.0f", s)
}

func ratio(a, b time.Duration) string {
	if b <= 0 {
		return "—"
	}
	r := a.Seconds() / b.Seconds()
	if r < 10 {
		return fmt.Sprintf("%.2f×", r)
	}
	return fmt.Sprintf("%.0f×", r)
}

// find returns the timed result of the row with this id.
func (sr *sizeRun) find(id string) *result {
	for _, r := range sr.results {
		if r.row.id == id && r.ok() {
			return r
		}
	}
	return nil
}

func renderReport(in info, files []string, perFile []int, dropped map[string]int, corpora string, runs []*sizeRun, o options) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("<!-- written by bench/peers.sh; do not edit by hand -->\n\n")
	p("- Date: %s\n- Machine: %s\n- OS: %s\n- Per-command time limit: %s\n", in.date, in.machine, in.os, o.timeout)
	if o.slow > 0 {
		p("- Rows whose counting run took over %s were timed once (no spread shown)\n", o.slow)
	}
	for _, sr := range runs {
		p("- %s: %d runs per row, load average (1, 5, 15 min) %s before and %s after, %s in all\n",
			sr.in.label, sr.runs, sr.loadBefore, sr.loadAfter, sr.took.Round(time.Second))
	}
	p("\nTool versions:\n\n| tool | version |\n|---|---|\n")
	for _, v := range in.versions {
		p("| %s | %s |\n", v[0], strings.ReplaceAll(v[1], "|", "\\|"))
	}

	p("\n### Summary: median seconds (ratio to evident parse-only; for reference lists, to evident export)\n\n")
	p("%s", renderSummary(runs))

	p("\n### Entries each tool returned\n\n")
	p("Each input holds exactly the number of entries in its name. The real input has them as they are in the files,\n")
	p("a few broken; the clean input (timed) leaves out what some peer cannot read (see Inputs).\n\n")
	p("| tool | job |")
	for _, sr := range runs {
		p(" %s real | %s clean |", sr.in.label, sr.in.label)
	}
	p("\n|---|---|")
	for range runs {
		p("---|---|")
	}
	p("\n")
	if len(runs) > 0 {
		for i, r0 := range runs[0].results {
			if r0.row.group == groupRead {
				continue
			}
			p("| %s | %s |", r0.row.tool, r0.row.group)
			for _, sr := range runs {
				if i >= len(sr.results) {
					p(" | |")
					continue
				}
				r := sr.results[i]
				p(" %s | %s |", countCell(r.realCount, r.realStatus, r.row.group != groupParse), countCell(r.count, r.status, false))
			}
			p("\n")
		}
	}

	for _, sr := range runs {
		p("\n### %s entries (clean input, %.1f MB), median of %d runs\n\n", sr.in.label, float64(sr.bytes)/1e6, sr.runs)
		parse, imp := sr.find("evident-parse"), sr.find("evident-import")
		p("| tool | what is timed | median s | min–max s | CPU s | peak RSS MB | ÷ evident parse-only | ÷ evident import |\n|---|---|---|---|---|---|---|---|\n")
		for _, r := range sr.results {
			if r.row.group == groupRead || r.row.group == groupParse {
				p("| %s | %s | %s |\n", r.row.tool, r.row.does, cells(r, parse, imp))
			}
		}
		for _, g := range []string{groupAPA, groupVancouver} {
			base := sr.find("evident-" + g)
			p("\n%s reference list, %s entries:\n\n", styleName(g), sr.in.label)
			p("| tool | what is timed | median s | min–max s | CPU s | peak RSS MB | ÷ evident export |\n|---|---|---|---|---|---|---|\n")
			for _, r := range sr.results {
				if r.row.group != g {
					continue
				}
				c := cells(r, base, nil)
				c = strings.TrimSuffix(c, " | —")
				p("| %s | %s | %s |\n", r.row.tool, r.row.does, c)
			}
		}
	}

	p("\n### Inputs\n\nBuilt from these files under `bibtex/` of the shared corpora (entries per file as split by line; every `@string` and `@preamble` first, then the entries of all files interleaved in proportion, then again with suffixed keys):\n\n")
	for i, f := range files {
		rel, err := filepath.Rel(filepath.Join(corpora, "bibtex"), f)
		if err != nil {
			rel = filepath.Base(f)
		}
		p("- `%s`: %d\n", rel, perFile[i])
	}
	p("\nThe clean input leaves out, of one pass over these files:\n\n")
	keys := make([]string, 0, len(dropped))
	for k := range dropped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p("- %s: %d\n", k, dropped[k])
	}
	p("\nInput sizes:")
	for _, sr := range runs {
		p(" %s real %.1f MB, clean %.1f MB;", sr.in.label, float64(sr.realBytes)/1e6, float64(sr.bytes)/1e6)
	}
	p("\n")
	return b.String()
}

func styleName(g string) string {
	if g == groupAPA {
		return "APA"
	}
	return strings.ToUpper(g[:1]) + g[1:]
}

func countCell(count, status string, notTried bool) string {
	switch {
	case notTried:
		return "—"
	case status == "":
		return count
	case count != "":
		return count + ", then " + status
	}
	return status
}

// cells formats the timing columns of a row, with ratios to a and b.
func cells(r *result, a, b *result) string {
	if !r.ok() {
		status := r.status
		if status == "" {
			status = "not run"
		}
		return strings.Join([]string{status, "", "", "", "—", "—"}, " | ")
	}
	lo, hi := r.spread()
	rat := func(base *result) string {
		if base == nil {
			return "—"
		}
		return ratio(r.median(), base.median())
	}
	spread := secs(lo) + "–" + secs(hi)
	if len(r.samples) == 1 {
		spread = "1 run"
	}
	return strings.Join([]string{secs(r.median()), spread, secs(r.cpuMedian()),
		fmt.Sprintf("%.0f", float64(r.peakRSS())/1024), rat(a), rat(b)}, " | ")
}

// renderSummary is one line per tool and job, the medians of every size.
func renderSummary(runs []*sizeRun) string {
	var b strings.Builder
	b.WriteString("| tool | job |")
	for _, sr := range runs {
		fmt.Fprintf(&b, " %s |", sr.in.label)
	}
	b.WriteString("\n|---|---|")
	for range runs {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	if len(runs) == 0 {
		return b.String()
	}
	for i, r0 := range runs[0].results {
		fmt.Fprintf(&b, "| %s | %s |", r0.row.tool, r0.row.group)
		for _, sr := range runs {
			if i >= len(sr.results) {
				b.WriteString(" |")
				continue
			}
			r := sr.results[i]
			if !r.ok() {
				fmt.Fprintf(&b, " %s |", shortStatus(r.status))
				continue
			}
			base := sr.find("evident-parse")
			if r.row.group == groupAPA || r.row.group == groupVancouver {
				base = sr.find("evident-" + r.row.group)
			}
			if base != nil && base != r {
				fmt.Fprintf(&b, " %s (%s) |", secs(r.median()), ratio(r.median(), base.median()))
			} else {
				fmt.Fprintf(&b, " %s |", secs(r.median()))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func shortStatus(s string) string {
	switch {
	case strings.HasPrefix(s, "timeout"):
		return "timeout"
	case strings.HasPrefix(s, "skipped: this evident build"):
		return "skipped (no --style)"
	case strings.HasPrefix(s, "skipped"):
		return "skipped"
	case strings.HasPrefix(s, "failed"):
		return "failed"
	}
	return s
}
