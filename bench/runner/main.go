// Command runner times evident side by side with other BibTeX tools on the
// same real inputs and writes a Markdown table of medians and ratios.
// bench/peers.sh installs the tools, builds evident and runs it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// result is what one row did on one input.
type result struct {
	row *row
	// realCount and realStatus say what the tool made of the real input.
	realCount, realStatus string
	count                 string // entries returned from the clean input
	status                string // "" when timed; else "timeout", "failed: ...", "skipped: ..."
	samples               []sample
	slow                  bool // timed once: its counting run took longer than -slow
}

func (r *result) ok() bool { return r.status == "" && len(r.samples) > 0 }

func (r *result) median() time.Duration {
	ds := make([]time.Duration, len(r.samples))
	for i, s := range r.samples {
		ds[i] = s.wall
	}
	return medianOf(ds)
}

func (r *result) cpuMedian() time.Duration {
	ds := make([]time.Duration, len(r.samples))
	for i, s := range r.samples {
		ds[i] = s.cpu
	}
	return medianOf(ds)
}

func (r *result) spread() (lo, hi time.Duration) {
	lo, hi = r.samples[0].wall, r.samples[0].wall
	for _, s := range r.samples {
		lo, hi = min(lo, s.wall), max(hi, s.wall)
	}
	return lo, hi
}

func (r *result) peakRSS() int64 {
	var m int64
	for _, s := range r.samples {
		m = max(m, s.rssKB)
	}
	return m
}

func medianOf(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// sizeRun is every row's result on one input, with the load around it.
type sizeRun struct {
	real, in              input // the real input and the clean one timed
	realBytes, bytes      int64
	runs                  int
	results               []*result
	loadBefore, loadAfter string
	took                  time.Duration
}

func main() {
	var (
		corpora = flag.String("corpora", "", "the shared corpora folder (default $EVIDENT_CORPORA, else ../shared/corpora beside the repository)")
		work    = flag.String("work", "", "scratch folder for inputs, outputs and libraries (required)")
		bin     = flag.String("bin", "", "folder holding the evident and parseonly binaries (required)")
		bench   = flag.String("bench", "", "the bench/ folder of the repository (required)")
		python  = flag.String("python", "/usr/bin/python3", "a Python with bibtexparser and pybtex")
		sizes   = flag.String("sizes", "1000,10000,100000", "entries per input, comma-separated")
		runs    = flag.String("runs", "", "runs per row: N for every size, or SIZE=N,... (default 5, and 3 from 100,000 entries)")
		timeout = flag.Duration("timeout", 300*time.Second, "per-command time limit; a row over it is recorded as a timeout")
		only    = flag.String("only", "", "only the rows whose id matches this regular expression")
		out     = flag.String("out", "", "write the Markdown report here (default WORK/results.md)")
		rev     = flag.String("rev", "", "evident's revision, for the report")
		inputs  = flag.Bool("inputs-only", false, "only build the inputs (WORK/inputs/real-SIZE.bib, clean-SIZE.bib), for profiling")
		real    = flag.String("real-sizes", "1000", "sizes at which the parsers are also given the real input as it is, comma-separated")
		slow    = flag.Duration("slow", 0, "time a row only once when its counting run took longer than this (0: always -runs times)")
		fresh   = flag.Bool("fresh-ids", false, "give the DOIs of repeated entries the suffix of their keys (-r2, ...), so that repeats are works of their own")
	)
	flag.Parse()
	if *work == "" || *bin == "" || *bench == "" {
		fmt.Fprintln(os.Stderr, "runner: -work, -bin and -bench are required (bench/peers.sh sets them)")
		os.Exit(2)
	}
	if *corpora == "" {
		*corpora = os.Getenv("EVIDENT_CORPORA")
	}
	if *corpora == "" {
		*corpora = filepath.Join(*bench, "..", "..", "shared", "corpora")
	}
	if *out == "" {
		*out = filepath.Join(*work, "results.md")
	}
	o := options{corpora: *corpora, work: *work, bin: *bin, bench: *bench, python: *python, sizes: *sizes, runs: *runs,
		timeout: *timeout, only: *only, out: *out, rev: *rev, inputsOnly: *inputs, realSizes: *real, slow: *slow, freshIDs: *fresh}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "runner:", err)
		os.Exit(1)
	}
}

// options are the runner's flags.
type options struct {
	corpora, work, bin, bench, python string
	sizes, runs, realSizes            string
	timeout, slow                     time.Duration
	only, out, rev                    string
	inputsOnly, freshIDs              bool
}

func run(o options) error {
	corpora, work, bin, bench, timeout := o.corpora, o.work, o.bin, o.bench, o.timeout
	var onlyRE *regexp.Regexp
	if o.only != "" {
		var err error
		if onlyRE, err = regexp.Compile(o.only); err != nil {
			return fmt.Errorf("-only: %w", err)
		}
	}
	ns, err := parseSizes(o.sizes)
	if err != nil {
		return err
	}
	realNs := map[int]bool{}
	if o.realSizes != "" {
		rs, err := parseSizes(o.realSizes)
		if err != nil {
			return fmt.Errorf("-real-sizes: %w", err)
		}
		for _, n := range rs {
			realNs[n] = true
		}
	}
	for _, d := range []string{"inputs", "out", "lib"} {
		if err := os.MkdirAll(filepath.Join(work, d), 0o755); err != nil {
			return err
		}
	}
	files, err := expandFiles(corpora, mainFiles)
	if err != nil {
		return fmt.Errorf("%w (set -corpora or EVIDENT_CORPORA)", err)
	}
	macros, entries, perFile, err := readChunks(files)
	if err != nil {
		return err
	}
	cleanMacros, cleanEntries, dropped := clean(macros, entries)
	st := &setup{bin: bin, bench: bench, work: work, python: o.python, csl: filepath.Join(corpora, "csl"),
		style: exportHasStyle(filepath.Join(bin, "evident")), types: entryTypes(cleanEntries)}
	rows := st.rows()
	var info info
	if !o.inputsOnly {
		info = collectInfo(st, o.rev)
	}
	logf("machine: %s; load %s", info.machine, loadAvg())

	var done []*sizeRun
	dead := map[string]string{} // row id → why it is not tried on larger inputs
	for _, n := range ns {
		real := input{n: n, label: label(n), path: filepath.Join(work, "inputs", fmt.Sprintf("real-%s.bib", label(n)))}
		in := input{n: n, label: label(n), path: filepath.Join(work, "inputs", fmt.Sprintf("clean-%s.bib", label(n)))}
		if err := buildInput(real.path, n, macros, entries, o.freshIDs); err != nil {
			return err
		}
		if err := buildInput(in.path, n, cleanMacros, cleanEntries, o.freshIDs); err != nil {
			return err
		}
		if o.inputsOnly {
			logf("wrote %s and %s", real.path, in.path)
			continue
		}
		sr := &sizeRun{real: real, in: in, realBytes: fileSize(real.path), bytes: fileSize(in.path),
			runs: runsFor(o.runs, n), loadBefore: loadAvg()}
		start := time.Now()
		for i := range rows {
			r := &rows[i]
			if onlyRE != nil && !onlyRE.MatchString(r.id) {
				continue
			}
			res := &result{row: r}
			switch {
			case r.skip != nil && r.skip() != "":
				res.status = "skipped: " + r.skip()
			case dead[r.id] != "":
				res.status = "skipped: " + dead[r.id]
			default:
				if p, ok := projected(done, r.id, n); ok && p > timeout {
					res.status = fmt.Sprintf("skipped: projected %s from its smaller inputs, over the %s limit", p.Round(time.Second), timeout)
				}
			}
			sr.results = append(sr.results, res)
		}
		// What each parser makes of the real files, as they are.
		for _, res := range sr.results {
			if !realNs[n] || res.status != "" || res.row.group != groupParse {
				continue
			}
			res.realCount, res.realStatus = countRun(st, res.row, real, timeout)
			logf("[%s] %-20s real input: %s %s", in.label, res.row.id, res.realCount, res.realStatus)
		}
		// A counting run on the clean input, which every tool is timed on:
		// it checks that the tool read it, warms the caches, and stops a
		// tool that cannot finish in time before it costs N timeouts.
		for _, res := range sr.results {
			if res.status != "" {
				continue
			}
			start := time.Now()
			res.count, res.status = countRun(st, res.row, in, timeout)
			if res.status != "" {
				dead[res.row.id] = res.status + " at " + in.label
			}
			res.slow = o.slow > 0 && time.Since(start) > o.slow
			logf("[%s] %-20s clean input: %s %s", in.label, res.row.id, res.count, res.status)
		}
		// Then the timed rounds, every tool once per round, so that a change
		// of load on this shared machine touches every tool alike.
		for round := 1; round <= sr.runs; round++ {
			for _, res := range sr.results {
				if res.status != "" || res.slow && len(res.samples) > 0 {
					continue
				}
				timedRun(st, res, in, timeout)
				if res.status != "" {
					dead[res.row.id] = res.status + " at " + in.label
					logf("[%s] round %d/%d %-20s %s", in.label, round, sr.runs, res.row.id, res.status)
					continue
				}
				s := res.samples[len(res.samples)-1]
				logf("[%s] round %d/%d %-20s %7.3f s %6.0f MB", in.label, round, sr.runs, res.row.id, s.wall.Seconds(), float64(s.rssKB)/1024)
			}
		}
		sr.took = time.Since(start)
		sr.loadAfter = loadAvg()
		done = append(done, sr)
		report := renderReport(info, files, perFile, dropped, corpora, done, o)
		if err := os.WriteFile(o.out, []byte(report), 0o644); err != nil {
			return err
		}
	}
	if o.inputsOnly {
		return nil
	}
	fmt.Print(renderSummary(done))
	logf("report written to %s", o.out)
	return nil
}

// projected guesses how long a row would take on n entries from its medians
// on the smaller inputs: linear from the largest, or faster-growing when it
// grew faster than linear between the last two. A row projected over the
// time limit is not run, so that slow tools cost no hour of timeouts.
func projected(done []*sizeRun, id string, n int) (time.Duration, bool) {
	type point struct {
		n int
		t float64
	}
	var pts []point
	for _, sr := range done {
		for _, r := range sr.results {
			if r.row.id == id && r.ok() {
				pts = append(pts, point{sr.in.n, r.median().Seconds()})
			}
		}
	}
	if len(pts) == 0 {
		return 0, false
	}
	last := pts[len(pts)-1]
	t := last.t * float64(n) / float64(last.n)
	if len(pts) >= 2 {
		prev := pts[len(pts)-2]
		// t ∝ n^k, with k from the last two sizes.
		k := math.Log(last.t/prev.t) / math.Log(float64(last.n)/float64(prev.n))
		if k > 1 {
			t = last.t * math.Pow(float64(n)/float64(last.n), k)
		}
	}
	return time.Duration(t * float64(time.Second)), true
}

// countRun runs a row once, keeping its output, and returns how many
// entries it returned, or why it did not.
func countRun(st *setup, r *row, in input, timeout time.Duration) (count, status string) {
	outPath := filepath.Join(st.work, "out", r.id+"-"+filepath.Base(in.path)+".out")
	defer os.Remove(outPath)
	if r.prepare != nil {
		if err := r.prepare(in); err != nil {
			return "", "failed: " + err.Error()
		}
	}
	s, err := runRow(st, r, in, outPath, timeout)
	switch {
	case err != nil:
		return "", "failed: " + err.Error()
	case s.timedOut:
		return "", fmt.Sprintf("timeout (over %s)", timeout)
	case !r.exitOK(s.exit):
		return "", fmt.Sprintf("failed: exit %d: %s", s.exit, errorLine(s.stderr))
	}
	count, err = r.count(in, outPath)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Sprintf("failed: exit %d, wrote nothing: %s", s.exit, errorLine(s.stderr))
	}
	if err != nil {
		return "", "failed: output not read: " + err.Error()
	}
	return count, ""
}

func timedRun(st *setup, res *result, in input, timeout time.Duration) {
	r := res.row
	if r.prepare != nil {
		if err := r.prepare(in); err != nil {
			res.status = "failed: " + err.Error()
			return
		}
	}
	s, err := runRow(st, r, in, os.DevNull, timeout)
	switch {
	case err != nil:
		res.status = "failed: " + err.Error()
	case s.timedOut:
		res.status = fmt.Sprintf("timeout (over %s)", timeout)
	case !r.exitOK(s.exit):
		res.status = fmt.Sprintf("failed: exit %d: %s", s.exit, errorLine(s.stderr))
	default:
		res.samples = append(res.samples, s)
	}
}

func runRow(st *setup, r *row, in input, outPath string, timeout time.Duration) (sample, error) {
	argv := r.argv(in, outPath)
	var stdout *os.File
	if r.stdout {
		f, err := os.Create(outPath)
		if err != nil {
			return sample{}, err
		}
		defer f.Close()
		stdout = f
	}
	env := os.Environ()
	if stdout == nil {
		return measure(argv, env, nil, timeout, st.work)
	}
	return measure(argv, env, stdout, timeout, st.work)
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func parseSizes(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f, "_", "")))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-sizes: bad size %q", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

// runsFor reads -runs: "7" for every size, or "1000=9,100000=2".
func runsFor(spec string, n int) int {
	def := 5
	if n >= 100_000 {
		def = 3
	}
	if spec == "" {
		return def
	}
	if v, err := strconv.Atoi(spec); err == nil && v > 0 {
		return v
	}
	for _, kv := range strings.Split(spec, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		size, err1 := strconv.Atoi(strings.TrimSpace(k))
		runs, err2 := strconv.Atoi(strings.TrimSpace(v))
		if err1 == nil && err2 == nil && size == n && runs > 0 {
			return runs
		}
	}
	return def
}

func label(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}
