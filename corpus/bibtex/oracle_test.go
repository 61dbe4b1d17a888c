package bibtex_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	nickng "github.com/nickng/bibtex"

	"github.com/evident-tools/evident/corpus/bibtex"
)

// nickngMu serialises calls into github.com/nickng/bibtex, which keeps its
// parse state in a package-level variable.
var nickngMu sync.Mutex

// nickngParse runs the independent parser on input that cannot reach its
// log.Fatalf: the caller has checked that every macro used is defined with
// the same case, or is a lower-case month.
func nickngParse(data []byte) (bib *nickng.BibTex, err error) {
	nickngMu.Lock()
	defer nickngMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			bib, err = nil, os.ErrInvalid
		}
	}()
	return nickng.Parse(bytes.NewReader(data))
}

// safeForNickng reports whether every macro reference in data is to a macro
// defined earlier with exactly that spelling, or a lower-case month: the
// only input on which nickng/bibtex neither fails nor ends the process.
func safeForNickng(p *bibtex.Parser, data string) bool {
	if len(p.Problems) > 0 || len(p.Warnings) > 0 {
		return false
	}
	// nickng/bibtex rejects these forms; evident reads them.
	if strings.Contains(data, "@string(") || strings.Contains(data, "@STRING(") || strings.Contains(data, "@String(") {
		return false
	}
	defined := map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
		"jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true}
	for _, name := range p.MacroNames() {
		defined[name] = true
	}
	for _, e := range p.Entries() {
		for _, f := range e.Fields {
			for _, pt := range f.Parts {
				if pt.Kind == bibtex.Macro && !defined[pt.Text] {
					return false
				}
			}
		}
	}
	return p.MacrosUsedAsDefined()
}

// TestOracle_AgreesWithNickng compares evident's reading of real files with
// github.com/nickng/bibtex's wherever that parser reads the whole file: the
// same entries, keys, types, fields and expanded values.
func TestOracle_AgreesWithNickng(t *testing.T) {
	dir := corporaDir(t)
	compared, entries := 0, 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), "LICENSE") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		p := bibtex.NewParser()
		if _, err := p.Parse(rel, data); err != nil || !safeForNickng(p, string(data)) {
			return nil
		}
		bib, err := nickngParse(data)
		if err != nil {
			return nil // nickng rejects the file; nothing to compare
		}
		if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
			return nil // nickng/bibtex reads UTF-8 only
		}
		ours := p.Entries()
		if len(bib.Entries) != len(ours) {
			t.Errorf("%s: nickng read %d entries, evident %d", rel, len(bib.Entries), len(ours))
			return nil
		}
		refs := p.References()
		for i, theirs := range bib.Entries {
			e := ours[i]
			if theirs.CiteName != strings.ReplaceAll(e.Key, " ", "") || theirs.Type != e.Type {
				t.Errorf("%s: entry %d: nickng %s/%s, evident %s/%s", rel, i, theirs.Type, theirs.CiteName, e.Type, e.Key)
				continue
			}
			if len(e.Fields) == 0 {
				// nickng/bibtex bug: an entry with no fields gets the
				// previous entry's last field (its grammar's empty tag
				// keeps a stale value).
				continue
			}
			for name, v := range theirs.Fields {
				if repeated(e, strings.ToLower(name)) {
					continue // nickng keeps the last value; BibTeX and evident the first
				}
				if concatenated(e, strings.ToLower(name)) {
					// nickng/bibtex bug: its grammar drops the result of
					// BibComposite.Append, so "a" # "b" reads as "a".
					continue
				}
				f := refs[i].Field(strings.ToLower(name))
				if f == nil {
					t.Errorf("%s: %s: field %s read by nickng is missing", rel, e.Key, name)
					continue
				}
				if want := nickngText(v); unbrace(want) != unbrace(expandedText(f.Raw)) {
					t.Errorf("%s: %s: field %s: nickng %q, evident %q", rel, e.Key, name, want, f.Raw)
				}
			}
		}
		compared++
		entries += len(ours)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if compared < 50 {
		t.Errorf("only %d files could be compared with nickng/bibtex", compared)
	}
	t.Logf("%d files, %d entries agree with nickng/bibtex", compared, entries)
}

// nickngText is a value's text as nickng/bibtex expands it.
func nickngText(v nickng.BibString) string {
	return v.String()
}

var monthText = map[string]string{"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August", "sep": "September", "oct": "October",
	"nov": "November", "dec": "December"}

// expandedText strips the braces evident's raw form adds around a value and
// spells out a month macro, as nickng/bibtex does.
func expandedText(raw string) string {
	if m, ok := monthText[raw]; ok {
		return m
	}
	if strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") {
		return raw[1 : len(raw)-1]
	}
	return raw
}

func repeated(e bibtex.Entry, name string) bool {
	n := 0
	for _, f := range e.Fields {
		if f.Name == name {
			n++
		}
	}
	return n > 1
}

// unbrace drops braces: nickng/bibtex strips some levels of them and keeps
// others, which says nothing about the value.
func unbrace(s string) string {
	return strings.NewReplacer("{", "", "}", "").Replace(s)
}

func concatenated(e bibtex.Entry, name string) bool {
	for _, f := range e.Fields {
		if f.Name == name && len(f.Parts) > 1 {
			return true
		}
	}
	return false
}
