package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func writeFiles(t *testing.T, files map[string]string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a.bib", "b.bib"} {
		text, ok := files[name]
		if !ok {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

var keyLine = regexp.MustCompile(`(?m)^@\w+\{([^,]+),`)

func TestBuildInput_RepeatsWithSuffixedKeysAndParents(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"a.bib": "@string{j = {Journal}}\n@article{Child,\n  crossref = {parent},\n  journal = j}\n@comment{dropped}\n",
		"b.bib": "@proceedings{Parent, title = {P}}\n@book{child, title = {Same key, other case}}\n",
	})
	macros, entries, perFile, err := readChunks(paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(macros) != 1 || len(entries) != 3 || perFile[0] != 1 || perFile[1] != 2 {
		t.Fatalf("got %d macros, %d entries, per file %v", len(macros), len(entries), perFile)
	}
	out := filepath.Join(t.TempDir(), "in.bib")
	if err := buildInput(out, 7, macros, entries, false); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	text := string(data)
	var keys []string
	seen := map[string]bool{}
	for _, m := range keyLine.FindAllStringSubmatch(text, -1) {
		k := strings.ToLower(m[1])
		if seen[k] {
			t.Errorf("key %s written twice", m[1])
		}
		seen[k] = true
		keys = append(keys, m[1])
	}
	if len(keys) != 7 {
		t.Fatalf("wrote %d entries, want 7: %v", len(keys), keys)
	}
	if strings.Count(text, "@string") != 1 || strings.Contains(text, "@comment") {
		t.Errorf("macros once, comments never:\n%s", text)
	}
	for _, want := range []string{"Child-r2", "Parent-r2", "crossref = {Parent-r2}", "crossref = {Parent}", "child-d2"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
}

func TestClean_LeavesOutWhatPeersCannotRead(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"a.bib": `@string{empty = ""}
@string{ok = {fine}}
@article(paren, title = {T})
@article{open, title = {never closed}
@article{note, title = {T},
% year = 2000,
}
@article{quote'key, title = {T}}
@article{commas,
  author = {Miller, D., Firby, J.}}
@article{undef, journal = nosuchmacro}
@article{usesempty, journal = empty}
@article{good, journal = ok # { and more}, note = {50\% done},
  author = {Smith, J. and Doe, A.}}
@article{tail, title = {T}}
@Comment title = "old"
`,
	})
	macros, entries, _, err := readChunks(paths)
	if err != nil {
		t.Fatal(err)
	}
	keptMacros, kept, dropped := clean(macros, entries)
	var keys []string
	for _, c := range kept {
		keys = append(keys, c.key())
	}
	if got := strings.Join(keys, " "); got != "good tail" {
		t.Errorf("kept %q, want \"good tail\"; dropped %v", got, dropped)
	}
	if len(keptMacros) != 1 || keptMacros[0].name != "ok" {
		t.Errorf("kept macros %+v", keptMacros)
	}
	if strings.Contains(kept[1].text, "@Comment") {
		t.Errorf("text after the entry with an '@' kept: %q", kept[1].text)
	}
	for _, why := range []string{"entry: written @type(...)", "entry: braces never close", "entry: a '%' line between fields",
		"entry: a quote or bracket in the key", "entry: a name with more than two commas", "entry: uses an undefined macro",
		"@string: empty @string value"} {
		if dropped[why] == 0 {
			t.Errorf("nothing dropped for %q: %v", why, dropped)
		}
	}
}

func TestProjected_GrowsAtLeastLinearly(t *testing.T) {
	mk := func(n int, secs float64) *sizeRun {
		r := &row{id: "x"}
		return &sizeRun{in: input{n: n}, results: []*result{{row: r, samples: []sample{{wall: secondsDur(secs)}}}}}
	}
	// Sub-linear between 1k and 10k: linear from 10k.
	if p, _ := projected([]*sizeRun{mk(1000, 2), mk(10000, 10)}, "x", 100000); p != secondsDur(100) {
		t.Errorf("sub-linear: got %v, want 100s", p)
	}
	// Quadratic between 1k and 10k: quadratic on.
	if p, _ := projected([]*sizeRun{mk(1000, 1), mk(10000, 100)}, "x", 100000); p < secondsDur(9999) || p > secondsDur(10001) {
		t.Errorf("quadratic: got %v, want 10000s", p)
	}
	if _, ok := projected(nil, "x", 1000); ok {
		t.Error("projected with no earlier size")
	}
}

func secondsDur(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func TestBuildInput_FreshIDsSuffixRepeatedDOIs(t *testing.T) {
	paths := writeFiles(t, map[string]string{
		"a.bib": "@article{A,\n  doi = {10.1000/xyz},\n  title = {T}}\n@article{B,\n  DOI = \"10.1000/abc \",\n  title = {U}}\n",
	})
	macros, entries, _, err := readChunks(paths)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "in.bib")
	if err := buildInput(out, 5, macros, entries, true); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	text := string(data)
	for _, want := range []string{"doi = {10.1000/xyz}", "doi = {10.1000/xyz-r2}", "doi = {10.1000/xyz-r3}", `DOI = "10.1000/abc "`, `DOI = "10.1000/abc-r2 "`} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
}
