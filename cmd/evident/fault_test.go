package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
)

// The fault tests run the evident binary that testscript.Main puts on PATH
// and do to it what users' machines do: kill it, run several at once, fill
// the disk. EVIDENT_FAULT_SEED=N repeats a run's random choices; every
// failure says the seed.

// evidentCmd runs the evident binary that testscript.Main put on PATH.
func evidentCmd(lib string, args ...string) *exec.Cmd {
	cmd := exec.Command("evident", append([]string{"--library", lib}, args...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	return cmd
}

func needBinary(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("evident"); err != nil {
		t.Skip("evident is not on PATH (testscript.Main puts it there)")
	}
}

// faultSeed returns the seed for a test's random choices, from
// EVIDENT_FAULT_SEED or the clock, and logs it.
func faultSeed(t *testing.T) int64 {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv("EVIDENT_FAULT_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			t.Fatalf("EVIDENT_FAULT_SEED: %v", err)
		}
	}
	t.Logf("seed %d (EVIDENT_FAULT_SEED=%d repeats this run)", seed, seed)
	return seed
}

// evident runs evident and returns its standard output, or an error with
// its standard error if it does not exit 0. It may be called from any
// goroutine.
func evident(lib string, args ...string) (string, error) {
	var stderr bytes.Buffer
	cmd := evidentCmd(lib, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("evident %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// mustRun is evident for the test's own goroutine: a failure ends the test.
func mustRun(t *testing.T, lib string, args ...string) string {
	t.Helper()
	return must(t)(evident(lib, args...))
}

// must returns a function that ends the test on an error, else returns
// the string: must(t)(keysState(lib)).
func must(t *testing.T) func(string, error) string {
	return func(s string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

// keysState lists the keys of the library, comma-separated. The library
// must open: after any crash it must.
func keysState(lib string) (string, error) {
	out, err := evident(lib, "refs", "--format", "json")
	if err != nil {
		return "", err
	}
	var refs []struct{ Key string }
	if err := json.Unmarshal([]byte(out), &refs); err != nil {
		return "", fmt.Errorf("refs --format json: %v", err)
	}
	keys := make([]string, len(refs))
	for i, r := range refs {
		keys[i] = r.Key
	}
	slices.Sort(keys)
	return strings.Join(keys, ","), nil
}

// libraryKeys lists the keys of the library.
func libraryKeys(t *testing.T, lib string) []string {
	t.Helper()
	keys := must(t)(keysState(lib))
	if keys == "" {
		return nil
	}
	return strings.Split(keys, ",")
}

// articlesState lists the stored articles as "id: title", and the keys.
func articlesState(lib string) (string, error) {
	out, err := evident(lib, "articles", "--format", "json")
	if err != nil {
		return "", err
	}
	var arts []struct{ ID, Title string }
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		return "", fmt.Errorf("articles --format json: %v", err)
	}
	var s []string
	for _, a := range arts {
		s = append(s, a.ID+": "+a.Title)
	}
	keys, err := keysState(lib)
	return strings.Join(s, "; ") + " | " + keys, err
}

// searchState runs a search and returns what it found: the set of matching
// references and claims and the total. The order is left out: equal scores
// keep the order of the index, which a rebuild may change.
func searchState(lib, query string) (string, error) {
	out, err := evident(lib, "search", "--format", "json", "--limit", "10000", query)
	if err != nil {
		return "", err
	}
	var res struct {
		Total uint64
		Hits  []struct {
			Type, Key, Article string
			Line               int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return "", fmt.Errorf("search --format json: %v", err)
	}
	var hits []string
	for _, h := range res.Hits {
		hits = append(hits, fmt.Sprintf("%s %s%s:%d", h.Type, h.Key, h.Article, h.Line))
	}
	slices.Sort(hits)
	return fmt.Sprintf("%d: %s", res.Total, strings.Join(hits, ", ")), nil
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := copyTree(from, to); err != nil {
		t.Fatal(err)
	}
}

// copyTree replaces to with a copy of from, times included. It may be
// called from any goroutine.
func copyTree(from, to string) error {
	os.RemoveAll(to)
	return filepath.Walk(from, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, info.Mode()); err != nil {
			return err
		}
		// The index checks its files' times against its manifest.
		return os.Chtimes(dst, info.ModTime(), info.ModTime())
	})
}

// generated returns n generated BibTeX entries whose keys start with
// prefix, so that files made with different prefixes never share a key.
func generated(n int, seed int64, prefix string) []byte {
	return bytes.ReplaceAll(bibtextest.Generate(n, seed), []byte("{key"), []byte("{"+prefix))
}

// killCase is a command to kill, on a library set up by setup, and how to
// read the state of the library that the kill must leave old or new.
type killCase struct {
	name string
	runs int
	// search says how often (every n-th run) to check what search finds
	// after a kill; 0 means every other run.
	search int
	setup  func(t *testing.T, dir, lib string) []string // returns the command's arguments
	state  func(lib string) (string, error)
}

// TestKill_LeavesOldOrNewState kills import, add, reindex and refs rm with
// SIGKILL at random moments, a few hundred times in all, and checks after
// each kill that the library opens and holds either the state before the
// command or the state after it, never anything between; that search works
// and finds what that state holds (the index rebuilt first if it must be);
// and, now and then, that the library still takes a write.
//
// Each command runs on a small library, so that a run costs little, and is
// killed after a delay drawn over the time one uninterrupted run takes.
func TestKill_LeavesOldOrNewState(t *testing.T) {
	needBinary(t)
	seed := faultSeed(t)
	const query = "cohort OR trial OR beta"
	base := generated(40, 1, "base")
	cases := []killCase{{
		name: "import",
		runs: 70,
		setup: func(t *testing.T, dir, lib string) []string {
			bib := filepath.Join(dir, "import.bib")
			writeFile(t, bib, generated(150, 2, "imp"))
			return []string{"import", "--quiet", bib}
		},
		state: keysState,
	}, {
		// One transaction replaces an article and adds another.
		name: "add",
		runs: 50,
		setup: func(t *testing.T, dir, lib string) []string {
			a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
			writeFile(t, a, []byte("# Draft one\n\nA beta cohort study of adults found lower risk.\n"))
			mustRun(t, lib, "add", "--id", "a.md", a)
			writeFile(t, a, []byte("# Draft two\n\nA randomised trial found no benefit in children.\n\nA second beta cohort found the same.\n"))
			writeFile(t, b, []byte("# Brief\n\nCohort data suggest a modest effect.\n"))
			return []string{"add", a, b}
		},
		state: articlesState,
	}, {
		// The keys do not change; which revision of the index is current
		// tells old from new.
		name:   "reindex",
		runs:   50,
		search: 1,
		setup: func(t *testing.T, dir, lib string) []string {
			return []string{"reindex"}
		},
		state: func(lib string) (string, error) {
			keys, err := keysState(lib)
			if err != nil {
				return "", err
			}
			current, err := os.ReadFile(filepath.Join(lib, "index", "current"))
			return strings.TrimSpace(string(current)) + " | " + keys, err
		},
	}, {
		name: "refs rm",
		runs: 50,
		setup: func(t *testing.T, dir, lib string) []string {
			keys := libraryKeys(t, lib)
			return append([]string{"refs", "rm"}, keys[5:25]...)
		},
		state: keysState,
	}}

	const workers = 3
	start := time.Now()
	total := 0
	for ci, kc := range cases {
		t.Run(kc.name, func(t *testing.T) {
			dir := t.TempDir()
			pristine := filepath.Join(dir, "pristine")
			baseBib := filepath.Join(dir, "base.bib")
			writeFile(t, baseBib, base)
			mustRun(t, pristine, "import", "--quiet", baseBib)
			args := kc.setup(t, dir, pristine)
			oldState, oldSearch := must(t)(kc.state(pristine)), must(t)(searchState(pristine, query))

			// Uninterrupted runs give the new state and the time to aim at.
			full := filepath.Join(dir, "full")
			var took time.Duration
			for range 3 {
				copyDir(t, pristine, full)
				began := time.Now()
				mustRun(t, full, args...)
				took = max(took, time.Since(began))
			}
			newState, newSearch := must(t)(kc.state(full)), must(t)(searchState(full, query))
			if oldState == newState {
				t.Fatal("the command changed nothing; the test would prove nothing")
			}
			if kc.name == "reindex" && oldSearch != newSearch {
				t.Fatalf("reindex changed what search finds:\nbefore %s\nafter  %s", oldSearch, newSearch)
			}

			// Workers, each with its own copy of the library. A run spends
			// most of its time waiting for the disk to sync, so more workers
			// than cores still shorten the test.
			var mu sync.Mutex
			saw := map[string]int{}
			var wg sync.WaitGroup
			for w := range workers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					rng := rand.New(rand.NewSource(seed + int64(ci*10+w)))
					lib := filepath.Join(dir, fmt.Sprintf("lib%d", w))
					for i := w; i < kc.runs; i += workers {
						delay := time.Duration(rng.Int63n(int64(took) + 1))
						what := killOnce(t, pristine, lib, args, delay)
						fail := func(format string, a ...any) {
							t.Errorf("seed %d, %s run %d, killed after %v (%s): %s", seed, kc.name, i, delay, what, fmt.Sprintf(format, a...))
						}
						got, err := kc.state(lib)
						if err != nil {
							fail("%v", err)
							return
						}
						var which string
						switch got {
						case oldState:
							which = "old"
						case newState:
							which = "new"
						default:
							fail("the library holds neither the old nor the new state:\ngot %.300s\nold %.300s\nnew %.300s", got, oldState, newState)
							return
						}
						want := oldSearch
						if which == "new" {
							want = newSearch
						}
						every := kc.search
						if every == 0 {
							every = 2
						}
						if i%every != 0 {
							// Search is checked on every other run: it is
							// a process more.
						} else if s, err := searchState(lib, query); err != nil || s != want {
							fail("search after the kill, with the %s state, finds\n%.300s\nwant\n%.300s\n%v", which, s, want, err)
							return
						}
						if i%5 == 0 {
							// The library still takes writes.
							if _, err := evident(lib, "import", "--quiet", baseBib); err != nil {
								fail("%v", err)
								return
							}
						}
						mu.Lock()
						saw[which]++
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			t.Logf("%d kills over %v: %d left the old state, %d the new", kc.runs, took.Round(time.Millisecond), saw["old"], saw["new"])
			total += kc.runs
		})
	}
	t.Logf("%d kills in %v", total, time.Since(start).Round(time.Millisecond))
}

// killOnce copies pristine to lib, starts evident with args on it, kills it
// with SIGKILL after delay, and says whether it had finished by then.
func killOnce(t *testing.T, pristine, lib string, args []string, delay time.Duration) string {
	if err := copyTree(pristine, lib); err != nil {
		t.Error(err)
		return "not started"
	}
	cmd := evidentCmd(lib, args...)
	if err := cmd.Start(); err != nil {
		t.Error(err)
		return "not started"
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("evident %s failed before the kill: %v", strings.Join(args, " "), err)
		}
		return "it had finished"
	case <-time.After(delay):
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	return "killed"
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrent_ImportsNeverCorruptOrDouble runs several imports of
// overlapping files at once: each either lands or fails cleanly with the
// in-use message, and the library ends with every work once.
func TestConcurrent_ImportsNeverCorruptOrDouble(t *testing.T) {
	needBinary(t)
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib")
	data := bibtextest.Generate(1500, 11)
	files := make([]string, 4)
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("f%d.bib", i))
		writeFile(t, files[i], data) // the same works, four times
	}
	mustRun(t, lib, "init")
	var wg sync.WaitGroup
	results := make([]string, len(files))
	for i, f := range files {
		wg.Add(1)
		go func(i int, f string) {
			defer wg.Done()
			var stdout, stderr bytes.Buffer
			cmd := evidentCmd(lib, "import", "--format", "json", f)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			switch {
			case err == nil:
				results[i] = stdout.String()
			case strings.Contains(stderr.String(), "library is in use by another evident process"):
				results[i] = "locked"
			default:
				results[i] = fmt.Sprintf("failed: %v: %s", err, stderr.String())
			}
		}(i, f)
	}
	wg.Wait()
	added := 0
	for i, r := range results {
		if strings.HasPrefix(r, "failed") {
			t.Fatalf("import %d: %s", i, r)
		}
		if r == "locked" {
			continue
		}
		var sum struct{ Added, Duplicates int }
		if err := json.Unmarshal([]byte(r), &sum); err != nil {
			t.Fatalf("import %d: %v in %q", i, err, r)
		}
		added += sum.Added
	}
	if added != 1500 {
		t.Errorf("imports added %d references in all, want 1500 (each work once): %v", added, results)
	}
	if keys := libraryKeys(t, lib); len(keys) != 1500 {
		t.Errorf("library holds %d references, want 1500", len(keys))
	}
}

// TestConcurrent_ReadersDuringImport runs refs, export, search and check
// against the library again and again while a long import writes to it:
// every one succeeds, without waiting for the import to finish, and sees
// the library either as it was before the import or as it is after it.
func TestConcurrent_ReadersDuringImport(t *testing.T) {
	needBinary(t)
	dir := t.TempDir()
	pristine := filepath.Join(dir, "pristine")
	baseBib, bigBib := filepath.Join(dir, "base.bib"), filepath.Join(dir, "big.bib")
	base, big := generated(30, 1, "base"), generated(2000, 2, "big")
	writeFile(t, baseBib, base)
	writeFile(t, bigBib, big)
	draft := filepath.Join(dir, "draft.md")
	// Cites a reference of each file: one dangles before the import.
	key := func(bib []byte) string { return string(regexp.MustCompile(`\{(\w+7_\d+),`).FindSubmatch(bib)[1]) }
	writeFile(t, draft, []byte(fmt.Sprintf("# Draft\n\nA cohort study found lower risk [@%s].\n\nA trial found no benefit [@%s].\n", key(base), key(big))))
	mustRun(t, pristine, "import", "--quiet", baseBib)

	// What each reader sees before and after.
	const query = "cohort"
	readers := []struct {
		name  string
		args  []string
		state func(out string) string
	}{
		{"refs", []string{"refs", "--format", "json"}, func(out string) string {
			var refs []struct{ Key string }
			if err := json.Unmarshal([]byte(out), &refs); err != nil {
				return "bad JSON: " + err.Error()
			}
			return fmt.Sprint(len(refs))
		}},
		{"export", []string{"export", "--format", "bibtex"}, func(out string) string { return fmt.Sprint(strings.Count(out, "\n@")) }},
		{"search", []string{"search", "--format", "json", "--limit", "10000", query}, func(out string) string {
			var res struct{ Total int }
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				return "bad JSON: " + err.Error()
			}
			return fmt.Sprint(res.Total)
		}},
		{"check", []string{"check", "--format", "json", "--fail-on", "none", draft}, func(out string) string {
			var rep struct {
				Findings []struct{ Code string }
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				return "bad JSON: " + err.Error()
			}
			var codes []string
			for _, f := range rep.Findings {
				codes = append(codes, f.Code)
			}
			slices.Sort(codes)
			return strings.Join(codes, ",")
		}},
	}
	full := filepath.Join(dir, "full")
	copyDir(t, pristine, full)
	mustRun(t, full, "import", "--quiet", bigBib)
	old, new := map[string]string{}, map[string]string{}
	for _, r := range readers {
		old[r.name] = r.state(mustRun(t, pristine, r.args...))
		new[r.name] = r.state(mustRun(t, full, r.args...))
		if old[r.name] == new[r.name] {
			t.Fatalf("%s sees the same before and after the import (%s): the test would prove nothing", r.name, old[r.name])
		}
	}

	lib := filepath.Join(dir, "lib")
	copyDir(t, pristine, lib)
	imp := evidentCmd(lib, "import", "--quiet", bigBib)
	var impErr bytes.Buffer
	imp.Stderr = &impErr
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	finished := make(chan error, 1)
	go func() { finished <- imp.Wait() }()
	var importDone sync.WaitGroup
	importDone.Add(1)
	var impResult error
	var stop = make(chan struct{})
	go func() {
		impResult = <-finished
		close(stop)
		importDone.Done()
	}()

	var mu sync.Mutex
	counts := map[string][2]int{} // reader → runs that saw the old and the new state
	var wg sync.WaitGroup
	for _, r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for first := true; ; first = false {
				select {
				case <-stop:
					if !first {
						return
					}
				default:
				}
				var stdout, stderr bytes.Buffer
				cmd := evidentCmd(lib, r.args...)
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Errorf("%s during the import: %v\n%s", r.name, err, stderr.String())
					return
				}
				got := r.state(stdout.String())
				mu.Lock()
				c := counts[r.name]
				switch got {
				case old[r.name]:
					c[0]++
				case new[r.name]:
					c[1]++
				default:
					t.Errorf("%s during the import saw %q, neither the old %q nor the new %q", r.name, got, old[r.name], new[r.name])
				}
				counts[r.name] = c
				mu.Unlock()
			}
		}()
	}
	importDone.Wait()
	wg.Wait()
	if impResult != nil {
		t.Fatalf("the import failed: %v\n%s", impResult, impErr.String())
	}
	for _, r := range readers {
		c := counts[r.name]
		t.Logf("%s: %d runs saw the old state, %d the new", r.name, c[0], c[1])
		if c[0]+c[1] == 0 {
			t.Errorf("%s never ran during the import", r.name)
		}
	}
	for _, r := range readers {
		if got := r.state(mustRun(t, lib, r.args...)); got != new[r.name] {
			t.Errorf("%s after the import sees %q, want %q", r.name, got, new[r.name])
		}
	}
}
