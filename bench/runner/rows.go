package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Row groups: what a row is compared with.
const (
	groupRead      = "read"
	groupParse     = "parse"
	groupAPA       = "apa"
	groupVancouver = "vancouver"
)

// input is one BibTeX file to time the tools on.
type input struct {
	n     int // regular entries written
	label string
	path  string
}

// setup is what the rows need to know about this machine.
type setup struct {
	bin    string   // evident and parseonly
	bench  string   // the bench/ folder: peer.py, peer.mjs, node_modules
	work   string   // scratch
	python string   // Debian's python3, which has bibtexparser and pybtex
	csl    string   // the corpora's csl/ folder
	style  bool     // evident export supports --style
	types  []string // the entry types of the clean input, for bibtool
}

// row is one tool doing one job.
type row struct {
	id    string // for -only
	tool  string
	does  string
	group string
	// argv is the command; out is where its output goes (a file when
	// counting, /dev/null when timing). When stdout is set, the command
	// writes to standard output and the runner sends it to out.
	argv   func(in input, out string) []string
	stdout bool
	// exitOK tells which exit statuses still mean the tool did its job.
	exitOK func(code int) bool
	// count reads the counting run's output and says how many entries the
	// tool returned.
	count func(in input, out string) (string, error)
	// prepare runs before each run, untimed.
	prepare func(in input) error
	// skip, when it returns a reason, leaves the row out.
	skip func() string
}

func exitZero(code int) bool { return code == 0 }

func (s *setup) lib(kind string, in input) string {
	return filepath.Join(s.work, "lib", kind+"-"+in.label)
}

func (s *setup) rows() []row {
	evident := filepath.Join(s.bin, "evident")
	parseonly := filepath.Join(s.bin, "parseonly")
	peerPy := filepath.Join(s.bench, "peer.py")
	peerJS := filepath.Join(s.bench, "peer.mjs")
	node := []string{"node", "--max-old-space-size=16384", peerJS}
	noStyle := func() string {
		if s.style {
			return ""
		}
		return "this evident build has no 'export --style' yet (being built on another branch)"
	}
	freshLib := func(in input) error { return os.RemoveAll(s.lib("import", in)) }
	exportLib := func(in input) error {
		// The export rows read a library made once from the same input.
		dir := s.lib("export", in)
		if _, err := os.Stat(filepath.Join(dir, "library.db")); err == nil {
			return nil
		}
		os.RemoveAll(dir)
		cmd := exec.Command(evident, "--library", dir, "import", "--quiet", "--on-duplicate", "keep", in.path)
		if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 2 {
			return fmt.Errorf("import for export: %v: %s", err, errorLine(string(out)))
		}
		return nil
	}
	rows := []row{
		{id: "cat", tool: "cat", does: "read the file (`cat FILE > /dev/null`)", group: groupRead,
			argv:  func(in input, out string) []string { return []string{"cat", in.path} },
			count: func(input, string) (string, error) { return "—", nil }, stdout: true},
		{id: "goread", tool: "Go read", does: "`os.ReadFile` in a Go program", group: groupRead,
			argv:  func(in input, out string) []string { return []string{parseonly, "-read", in.path} },
			count: func(input, string) (string, error) { return "—", nil }, stdout: true},
		{id: "evident-parse", tool: "evident parse-only", does: "read, split, expand macros, crossref, decode LaTeX, names, identifiers (what `import` does before the store)", group: groupParse,
			argv:  func(in input, out string) []string { return []string{parseonly, in.path} },
			count: countFirstInt, stdout: true},
		{id: "evident-import", tool: "evident import", does: "parse, store (bbolt, one transaction) and index (Bleve) into a fresh library, `--on-duplicate keep`", group: groupParse,
			argv: func(in input, out string) []string {
				return []string{evident, "--library", s.lib("import", in), "import", "--quiet", "--on-duplicate", "keep", "--format", "json", in.path}
			},
			stdout: true, prepare: freshLib, count: countImport,
			exitOK: func(code int) bool { return code == 0 || code == 2 }}, // 2: some entries rejected
		{id: "biber", tool: "biber --tool", does: "parse and write the entries back as BibTeX", group: groupParse,
			argv: func(in input, out string) []string {
				return []string{"biber", "--tool", "--nolog", "--quiet", "--output-file", out, in.path}
			},
			count: countBib,
			// 2: biber skipped entries it could not read and wrote the rest.
			exitOK: func(code int) bool { return code == 0 || code == 2 }},
		{id: "bibtool", tool: "bibtool", does: "parse and pretty-print", group: groupParse,
			argv: func(in input, out string) []string {
				// bibtool drops entries of a type it does not know (patent,
				// online, ...) unless told the type exists.
				args := []string{"bibtool", "-q"}
				for _, t := range s.types {
					if !bibtoolTypes[t] {
						args = append(args, "--", "new.entry.type{"+t+"}")
					}
				}
				return append(args, "-i", in.path, "-o", out)
			},
			count: countBib},
		{id: "pandoc", tool: "pandoc", does: "`pandoc -f bibtex -t csljson`", group: groupParse,
			argv: func(in input, out string) []string {
				return []string{"pandoc", "-f", "bibtex", "-t", "csljson", "-o", out, in.path}
			},
			count: countJSONArray},
		{id: "bibtexparser", tool: "python bibtexparser", does: "`bibtexparser.load` into a BibDatabase", group: groupParse,
			argv:  func(in input, out string) []string { return []string{s.python, peerPy, "bibtexparser", in.path} },
			count: countFirstInt, stdout: true},
		{id: "pybtex", tool: "pybtex", does: "`pybtex.database.parse_file` (non-strict)", group: groupParse,
			argv:  func(in input, out string) []string { return []string{s.python, peerPy, "pybtex", in.path} },
			count: countFirstInt, stdout: true},
		{id: "citation-js", tool: "citation-js", does: "`new Cite(text)`: BibTeX to CSL-JSON objects", group: groupParse,
			argv:  func(in input, out string) []string { return append(node, "citation-js", in.path) },
			count: countFirstInt, stdout: true},
		{id: "retorquere", tool: "@retorquere/bibtex-parser", does: "`parse(text)` with its default options", group: groupParse,
			argv:  func(in input, out string) []string { return append(node, "retorquere", in.path) },
			count: countFirstInt, stdout: true},
	}
	for _, style := range []string{groupAPA, groupVancouver} {
		rows = append(rows,
			row{id: "evident-" + style, tool: "evident export", does: "`export --style " + style + " --format text` from a library holding the input", group: style,
				argv: func(in input, out string) []string {
					return []string{evident, "--library", s.lib("export", in), "export", "--style", style, "--format", "text"}
				},
				stdout: true, prepare: exportLib, count: countLines, skip: noStyle},
			row{id: "pandoc-" + style, tool: "pandoc citeproc", does: "`pandoc -f bibtex -t plain --citeproc --csl " + style + ".csl` (parse included)", group: style,
				argv: func(in input, out string) []string {
					return []string{"pandoc", "-f", "bibtex", "-t", "plain", "--wrap=none", "--citeproc",
						"--csl", filepath.Join(s.csl, style+".csl"), "-o", out, in.path}
				},
				count: countLines},
			row{id: "citation-js-" + style, tool: "citation-js", does: "`format('bibliography', {template: '" + style + "'})` (parse included)", group: style,
				argv:  func(in input, out string) []string { return append(node, "citation-js-"+style, in.path) },
				count: countLines, stdout: true},
		)
	}
	for i := range rows {
		if rows[i].exitOK == nil {
			rows[i].exitOK = exitZero
		}
	}
	return rows
}

// bibtoolTypes are the entry types bibtool knows without configuration.
var bibtoolTypes = map[string]bool{"article": true, "book": true, "booklet": true, "conference": true,
	"inbook": true, "incollection": true, "inproceedings": true, "manual": true, "mastersthesis": true,
	"misc": true, "phdthesis": true, "proceedings": true, "techreport": true, "unpublished": true}

// countFirstInt reads a helper's answer: the number of entries on the first
// line, perhaps followed by notes ("3702 (23 rejected)").
func countFirstInt(_ input, out string) (string, error) {
	data, err := os.ReadFile(out)
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	f := strings.Fields(line)
	if len(f) == 0 {
		return "", fmt.Errorf("no count in output")
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		return "", fmt.Errorf("no count in output: %q", line)
	}
	rest := strings.TrimSpace(strings.TrimPrefix(line, f[0]))
	if rest != "" {
		return fmt.Sprintf("%s %s", thousands(n), rest), nil
	}
	return thousands(n), nil
}

func countImport(_ input, out string) (string, error) {
	data, err := os.ReadFile(out)
	if err != nil {
		return "", err
	}
	var sum struct{ Read, Added, Rejected int }
	if err := json.Unmarshal(data, &sum); err != nil {
		return "", fmt.Errorf("import summary: %w", err)
	}
	return fmt.Sprintf("%s (%s stored, %s rejected)", thousands(sum.Read), thousands(sum.Added), thousands(sum.Rejected)), nil
}

var bibEntryLine = regexp.MustCompile(`^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]`)

// countBib counts the regular entries of a BibTeX file a tool wrote.
func countBib(_ input, out string) (string, error) {
	f, err := os.Open(out)
	if err != nil {
		return "", err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if m := bibEntryLine.FindStringSubmatch(sc.Text()); m != nil && regular(strings.ToLower(m[1])) {
			n++
		}
	}
	return thousands(n), sc.Err()
}

func countJSONArray(_ input, out string) (string, error) {
	f, err := os.Open(out)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var items []json.RawMessage
	if err := json.NewDecoder(f).Decode(&items); err != nil {
		return "", err
	}
	return thousands(len(items)), nil
}

// countLines counts the non-empty lines of a reference list: one a reference
// when the tool does not wrap lines.
func countLines(_ input, out string) (string, error) {
	f, err := os.Open(out)
	if err != nil {
		return "", err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			n++
		}
	}
	return thousands(n) + " lines", sc.Err()
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
