package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// mainFiles are the real BibTeX files the inputs are made of, relative to the
// corpora's bibtex/ folder, in the order their @string macros must be read:
// the abbreviation files of a collection come before the files that use them.
// Together they hold about 22,000 entries from Zotero, JabRef and
// hand-kept lab bibliographies, a few of them broken as people leave them.
var mainFiles = []string{
	"bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex",
	"bbt-import/Unabbreviate_on_import_1436-3.bib",
	"bbt-import/Maintain_the_JabRef_group_and_subgroup_structure_when_importing_a_BibTeX_db_97.bib",
	"bbt-import/Some_bibtex_entries_quietly_discarded_on_import_from_bib_file_873.bib",
	"iridia/abbrev.bib",
	"iridia/authors.bib",
	"iridia/journals.bib",
	"iridia/articles.bib",
	"iridia/biblio.bib",
	"iridia/crossref.bib",
	"plume-bib/bibstring-unabbrev.bib",
	"plume-bib/crossrefs.bib",
	"plume-bib/education.bib",
	"plume-bib/games.bib",
	"plume-bib/invariants.bib",
	"plume-bib/nlp.bib",
	"plume-bib/philosophy.bib",
	"plume-bib/security.bib",
	"plume-bib/testing.bib",
	"plume-bib/types.bib",
	"plume-bib/version-control.bib",
	"bibliotex/*.bib",
	"jabref-tests/jabref-authors.bib",
}

// entryStart finds a line that opens an '@' construct. Splitting on lines
// rather than with evident's own scanner keeps the inputs neutral: an entry
// that evident would reject is still given to every tool.
var entryStart = regexp.MustCompile(`(?m)^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]`)

// crossrefField finds a crossref value so that it can follow its parent's
// new key. Like nameField it looks only at fields that start a line, as
// every exporter writes them.
var crossrefField = regexp.MustCompile(`(?im)^([ \t]*crossref[ \t]*=[ \t]*[{"])([^}"\n]*)([}"])`)

// doiField finds a DOI value at the start of a line, as crossrefField does.
var doiField = regexp.MustCompile(`(?im)^([ \t]*doi[ \t]*=[ \t]*[{"])([^}"\n]*[^}"\n \t])([ \t]*[}"])`)

// chunk is one '@' construct as written, up to the next one, with the text
// between them.
type chunk struct {
	kind     string // lower-case type
	text     string
	keyStart int // the key's span in text, for regular entries
	keyEnd   int
	pos      float64 // relative position in its file, for interleaving
	file     int

	// What the clean input set looks at (see clean).
	paren  bool     // written @type(...)
	closed bool     // its braces balance and close it
	end    int      // just after the closing brace, when closed
	name   string   // the macro a @string defines
	empty  bool     // a @string whose value is "" or {}
	note   bool     // has a '%' line between its fields
	names  bool     // a name in author or editor has more than two commas
	refs   []string // macros its values use
}

func (c chunk) key() string { return c.text[c.keyStart:c.keyEnd] }

func regular(kind string) bool {
	return kind != "string" && kind != "preamble" && kind != "comment"
}

// expandFiles resolves the patterns of mainFiles under dir/bibtex.
func expandFiles(corpora string, patterns []string) ([]string, error) {
	var out []string
	for _, p := range patterns {
		ms, err := filepath.Glob(filepath.Join(corpora, "bibtex", p))
		if err != nil {
			return nil, err
		}
		if len(ms) == 0 {
			return nil, fmt.Errorf("no file %s under %s", p, filepath.Join(corpora, "bibtex"))
		}
		sort.Strings(ms)
		out = append(out, ms...)
	}
	return out, nil
}

// readChunks splits every file into chunks.
func readChunks(files []string) (macros, entries []chunk, perFile []int, err error) {
	perFile = make([]int, len(files))
	for fi, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, nil, err
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		text := string(data)
		locs := entryStart.FindAllStringSubmatchIndex(text, -1)
		var mine []chunk
		for i, loc := range locs {
			end := len(text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			c := chunk{kind: strings.ToLower(text[loc[2]:loc[3]]), text: text[loc[0]:end], file: fi}
			open := loc[1] - loc[0] // just after '{' or '('
			c.paren = c.text[open-1] == '('
			if !c.paren {
				c.inspect(open)
			}
			switch {
			case c.kind == "comment":
				continue
			case !regular(c.kind):
				macros = append(macros, c)
				continue
			}
			k := open
			for k < len(c.text) && (c.text[k] == ' ' || c.text[k] == '\t') {
				k++
			}
			e := k
			for e < len(c.text) && !strings.ContainsRune(",} \t\r\n)", rune(c.text[e])) {
				e++
			}
			c.keyStart, c.keyEnd = k, e
			c.names = badNames(c.text)
			mine = append(mine, c)
		}
		for i := range mine {
			mine[i].pos = (float64(i) + 0.5) / float64(len(mine))
		}
		perFile[fi] = len(mine)
		entries = append(entries, mine...)
	}
	// Interleave the files by relative position, so that any prefix (the
	// 1,000-entry input) mixes every source in proportion to its size.
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].pos < entries[j].pos })
	return macros, entries, perFile, nil
}

// buildInput writes n regular entries: every @string and @preamble first, then
// the interleaved entries, again and again with the keys of each later pass
// suffixed (-r2, -r3, ...) until n is reached. A key already used (BibTeX keys
// are case-insensitive) gets -dN. crossref values follow their parents' keys.
// With freshIDs the DOIs of a later pass get the same suffix, so that every
// repeat is a work of its own to duplicate detection and to look-ups by
// DOI, as in a library that large.
func buildInput(path string, n int, macros, entries []chunk, freshIDs bool) error {
	if len(entries) == 0 {
		return fmt.Errorf("no entries to build %s from", path)
	}
	var b strings.Builder
	for _, c := range macros {
		b.WriteString(c.text)
		if !strings.HasSuffix(c.text, "\n") {
			b.WriteString("\n")
		}
	}
	used := map[string]bool{}
	written := 0
	for round := 0; written < n; round++ {
		suffix := ""
		if round > 0 {
			suffix = fmt.Sprintf("-r%d", round+1)
		}
		// Name every entry of the pass first: a child may come before its
		// parent.
		names := make([]string, len(entries))
		renamed := map[string]string{}
		for i, c := range entries {
			k := c.key() + suffix
			for d := 2; used[strings.ToLower(k)]; d++ {
				k = fmt.Sprintf("%s%s-d%d", c.key(), suffix, d)
			}
			used[strings.ToLower(k)] = true
			names[i] = k
			if _, ok := renamed[strings.ToLower(c.key())]; !ok {
				renamed[strings.ToLower(c.key())] = k
			}
		}
		for i, c := range entries {
			if written == n {
				break
			}
			text := c.text[:c.keyStart] + names[i] + c.text[c.keyEnd:]
			text = crossrefField.ReplaceAllStringFunc(text, func(m string) string {
				sm := crossrefField.FindStringSubmatch(m)
				parent := strings.TrimSpace(sm[2])
				if to, ok := renamed[strings.ToLower(parent)]; ok {
					parent = to
				}
				return sm[1] + parent + sm[3]
			})
			if freshIDs && suffix != "" {
				text = doiField.ReplaceAllString(text, "${1}${2}"+suffix+"${3}")
			}
			b.WriteString(text)
			if !strings.HasSuffix(text, "\n") {
				b.WriteString("\n")
			}
			written++
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// inspect reads an entry written with braces at its top level: whether the
// braces balance and close it, which macros its values use, and for a
// @string its name and whether its value is empty.
func (c *chunk) inspect(open int) {
	t := c.text
	depth, quoted, wantValue := 1, false, false
	if c.kind == "string" {
		i := open
		for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') {
			i++
		}
		j := i
		for j < len(t) && identByte(t[j]) {
			j++
		}
		c.name = strings.ToLower(t[i:j])
	}
	for i := open; i < len(t); i++ {
		b := t[i]
		if depth == 1 && quoted {
			if b == '"' {
				quoted = false
			}
			if b != '{' && b != '}' {
				continue
			}
		}
		if depth == 1 && !quoted {
			switch {
			case b == '=' || b == '#':
				wantValue = true
				if c.kind == "string" && b == '=' {
					rest := strings.TrimLeft(t[i+1:], " \t\r\n")
					c.empty = strings.HasPrefix(rest, `""`) || strings.HasPrefix(rest, "{}")
				}
				continue
			case b == ' ' || b == '\t' || b == '\n' || b == '\r':
				continue
			case b == '%' && lineStart(t, i):
				c.note = true
			case b == '"':
				quoted, wantValue = true, false
				continue
			case wantValue && (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'):
				j := i
				for j < len(t) && identByte(t[j]) {
					j++
				}
				c.refs = append(c.refs, strings.ToLower(t[i:j]))
				i, wantValue = j-1, false
				continue
			}
			wantValue = false
		}
		switch b {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				c.closed, c.end = true, i+1
				return
			}
		}
	}
}

// lineStart reports whether only blanks come before t[i] on its line.
func lineStart(t string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch t[j] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

func identByte(b byte) bool {
	return b > ' ' && !strings.ContainsRune(`{}(),="#%'@\\`, rune(b))
}

// clean drops what one of the peers cannot read, for the fallback input set:
// entries written with parentheses (pandoc stops at the first), entries whose
// braces never close (citation-js and pandoc give up on the whole file),
// entries with a '%' line between their fields (bibtool and bibtexparser
// drop them), keys with a quote or bracket and names with more than two
// commas (biber writes nothing when it meets one), empty @string values
// (bibtexparser 1.1 crashes on them), and then what
// uses a macro not defined before it (bibtexparser stops at an undefined
// macro). It returns how many of each it dropped.
func clean(macros, entries []chunk) (keptMacros, keptEntries []chunk, dropped map[string]int) {
	dropped = map[string]int{}
	defined := map[string]bool{}
	for _, m := range months {
		defined[m] = true
	}
	usable := func(c chunk) string {
		switch {
		case c.paren:
			return "written @type(...)"
		case !c.closed:
			return "braces never close"
		case c.empty:
			return "empty @string value"
		case c.note:
			return "a '%' line between fields"
		case c.kind != "string" && c.kind != "preamble" && strings.ContainsAny(c.key(), `'"#%()={}`):
			return "a quote or bracket in the key"
		case c.names:
			return "a name with more than two commas"
		}
		for _, r := range c.refs {
			if !defined[r] {
				return "uses an undefined macro"
			}
		}
		return ""
	}
	for _, c := range macros {
		if why := usable(c); why != "" {
			dropped["@"+c.kind+": "+why]++
			continue
		}
		if c.kind == "string" {
			defined[c.name] = true
		}
		keptMacros = append(keptMacros, c)
	}
	for _, c := range entries {
		if why := usable(c); why != "" {
			dropped["entry: "+why]++
			continue
		}
		if strings.Contains(c.text[c.end:], "@") {
			// Text after the entry with an '@' in it (iridia's
			// "@Comment field = ..." lines): pandoc stops there. The entry
			// stays; the text goes.
			c.text = c.text[:c.end] + "\n"
			dropped["text after an entry with an '@' in it (the text; the entry is kept)"]++
		}
		keptEntries = append(keptEntries, c)
	}
	return keptMacros, keptEntries, dropped
}

var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var nameField = regexp.MustCompile(`(?im)^[ \t]*(author|editor)[ \t]*=[ \t]*[{"]`)

// badNames reports a name list with a name that has more than two commas
// outside braces ("Miller, D., Firby, J."), which biber refuses.
func badNames(text string) bool {
	for _, loc := range nameField.FindAllStringIndex(text, -1) {
		quote := text[loc[1]-1] == '"'
		depth, commas := 0, 0
		if !quote {
			depth = 1
		}
	scan:
		for i := loc[1]; i < len(text); i++ {
			switch b := text[i]; {
			case b == '{':
				depth++
			case b == '}':
				depth--
				if depth == 0 && !quote {
					break scan
				}
			case b == '"' && quote && depth == 0:
				break scan
			case b == ',' && depth == outer(quote):
				commas++
				if commas > 2 {
					return true
				}
			case (b == ' ' || b == '\t' || b == '\n') && depth == outer(quote) &&
				len(text) > i+4 && strings.EqualFold(text[i+1:i+4], "and") && strings.ContainsRune(" \t\n", rune(text[i+4])):
				commas = 0
			}
		}
	}
	return false
}

// outer is the brace depth of a name list's top level: inside the field's
// own braces, or none inside quotes.
func outer(quote bool) int {
	if quote {
		return 0
	}
	return 1
}

// entryTypes lists the entry types that occur, lower-case, sorted.
func entryTypes(entries []chunk) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range entries {
		if !seen[c.kind] {
			seen[c.kind] = true
			out = append(out, c.kind)
		}
	}
	sort.Strings(out)
	return out
}
