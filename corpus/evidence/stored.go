package evidence

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Where a part of a work's text came from (Part.From), besides the
// registry names ("crossref", "pubmed", "openalex", "pmc") of a record's
// abstract or full text.
const (
	// FromAbstract is the reference's own abstract field.
	FromAbstract = "abstract"
	// FromFile is a file attached in the reference's file field.
	FromFile = "file"
)

// Source is the text of one work as the library keeps it (the store's
// texts bucket): the sentences of each thing read, already split with the
// article sentence splitter, with where each came from, so that a check
// reads them instead of the files and abstracts again, and the publication
// types that tell its design. Text assembles what a check judges by.
type Source struct {
	Parts []Part `json:"p,omitempty"`
	// PubTypes is the reference's own publication types (pubmed-pt).
	PubTypes string `json:"t,omitempty"`
	// Title is the work's title, and Design the study design its
	// publication types or its title and text name ("" for none): reckoned
	// when the text is built or changed, not at each check, as reading
	// the design takes a quarter of the evidence stage's time.
	Title  string `json:"n,omitempty"`
	Design string `json:"d,omitempty"`
}

// Part is one thing read of a work: its abstract field, an attached file,
// or a registry record's abstract or full text.
type Part struct {
	// From is FromAbstract, FromFile or the registry's name.
	From string `json:"f"`
	// Source is corpus.SourceAbstract or corpus.SourceFullText.
	Source string `json:"s"`
	// Path, Size and MTime (Unix nanoseconds) name an attached file and
	// fingerprint it: a file whose size or time changed is read again.
	Path  string `json:"path,omitempty"`
	Size  int64  `json:"size,omitempty"`
	MTime int64  `json:"mtime,omitempty"`
	// Problem says why an attached file was not read.
	Problem string `json:"x,omitempty"`
	// PubTypes are a registry record's publication types, "; "-joined.
	PubTypes  string   `json:"t,omitempty"`
	Sentences []string `json:"z,omitempty"`
}

// maxFile bounds an attached file read: a full text is well under it, a
// stray video is not.
const maxFile = 32 << 20

// OpenFile reads a file attached to a reference, refusing a directory and
// anything over 32 MiB: the Opener of the library and of its index.
func OpenFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() || fi.Size() > maxFile {
		return nil, fmt.Errorf("%s: not read (a directory, or over 32 MiB)", path)
	}
	return os.ReadFile(path)
}

// Stat fingerprints an attached file (os.Stat fits); nil reads every file
// afresh.
type Stat func(path string) (os.FileInfo, error)

// BuildSource reads the text of r as ReadText does: its abstract field and
// the files attached in its file field (read with open). The registry
// parts of prev, the text stored before, are kept, and so are its file
// parts whose fingerprint (by stat) has not changed: those are not read
// again.
func BuildSource(r *corpus.Reference, prev *Source, open Opener, stat Stat) *Source {
	s := &Source{Title: strings.TrimSpace(r.Title)}
	s.PubTypes, _ = r.Get("pubmed-pt")
	if abs, ok := r.Get("abstract"); ok {
		if sents := SplitText(CleanMarkup(abs)); len(sents) > 0 {
			s.Parts = append(s.Parts, Part{From: FromAbstract, Source: corpus.SourceAbstract, Sentences: sents})
		}
	}
	if f := r.Field("file"); f != nil && open != nil {
		for _, path := range FilePaths(fileValue(f)) {
			// JabRef writes paths relative to the .bib file.
			if !filepath.IsAbs(path) && !strings.Contains(path, ":") && r.Source.File != "" {
				path = filepath.Join(filepath.Dir(r.Source.File), path)
			}
			s.Parts = append(s.Parts, readPart(path, prev, open, stat))
		}
	}
	if prev != nil {
		for _, p := range prev.Parts {
			if p.From != FromAbstract && p.From != FromFile {
				s.Parts = append(s.Parts, p)
			}
		}
	}
	s.settle()
	return s
}

// settle reckons the design of the text as it now is.
func (s *Source) settle() {
	var t Text
	pt := s.assemble(&t)
	var all strings.Builder
	all.WriteString(s.Title)
	for _, p := range t.Passages {
		all.WriteString(" ")
		all.WriteString(p.Text)
	}
	s.Design = designOf(pt, all.String())
}

// readPart reads one attached file, or keeps prev's part for it when the
// file's fingerprint is the same.
func readPart(path string, prev *Source, open Opener, stat Stat) Part {
	p := Part{From: FromFile, Source: corpus.SourceFullText, Path: path}
	if stat != nil {
		if fi, err := stat(path); err == nil {
			p.Size, p.MTime = fi.Size(), fi.ModTime().UnixNano()
		}
	}
	if prev != nil && p.MTime != 0 {
		for _, q := range prev.Parts {
			if q.From == FromFile && q.Path == path && q.Size == p.Size && q.MTime == p.MTime {
				return q
			}
		}
	}
	sents, err := readFile(path, open)
	if err != nil {
		p.Problem = err.Error()
		return p
	}
	p.Sentences = sents
	return p
}

// HasFiles reports whether s read attached files, whose fingerprints may
// have changed since.
func (s *Source) HasFiles() bool {
	return s != nil && slices.ContainsFunc(s.Parts, func(p Part) bool { return p.From == FromFile })
}

// HasAbstract reports whether s holds an abstract's sentences: the work's
// own or a registry's.
func (s *Source) HasAbstract() bool {
	return s != nil && slices.ContainsFunc(s.Parts, func(p Part) bool { return p.Source == corpus.SourceAbstract && len(p.Sentences) > 0 })
}

// HasRegistryFullText reports whether s holds the sentences of a
// registry's full text (PubMed Central's).
func (s *Source) HasRegistryFullText() bool {
	return s != nil && slices.ContainsFunc(s.Parts, func(p Part) bool {
		return p.From != FromFile && p.Source == corpus.SourceFullText && len(p.Sentences) > 0
	})
}

// WithRecord returns s with a registry record's abstract and full text
// (plain text, a paragraph a line, headings on lines of their own) in
// place of what that registry gave before, and whether that changed
// anything. A record with neither changes nothing.
func (s *Source) WithRecord(registry, abstract, fullText string, pubTypes []string) (*Source, bool) {
	abstract, fullText = strings.TrimSpace(abstract), strings.TrimSpace(fullText)
	if registry == "" || registry == FromAbstract || registry == FromFile || abstract == "" && fullText == "" {
		return s, false
	}
	out := &Source{}
	if s != nil {
		out.PubTypes, out.Title = s.PubTypes, s.Title
		for _, p := range s.Parts {
			if p.From != registry {
				out.Parts = append(out.Parts, p)
			}
		}
	}
	pt := strings.Join(pubTypes, "; ")
	if abstract != "" {
		out.Parts = append(out.Parts, Part{From: registry, Source: corpus.SourceAbstract, PubTypes: pt, Sentences: SplitText(CleanMarkup(abstract))})
	}
	if fullText != "" {
		out.Parts = append(out.Parts, Part{From: registry, Source: corpus.SourceFullText, PubTypes: pt, Sentences: FullTextSentences(fullText)})
	}
	if s != nil && slices.EqualFunc(s.Parts, out.Parts, equalPart) {
		return s, false
	}
	out.settle()
	return out, true
}

func equalPart(a, b Part) bool {
	return a.From == b.From && a.Source == b.Source && a.Path == b.Path && a.Size == b.Size && a.MTime == b.MTime &&
		a.Problem == b.Problem && a.PubTypes == b.PubTypes && slices.Equal(a.Sentences, b.Sentences)
}

// registryRank orders registry abstracts when a work has no abstract of
// its own: PubMed's keeps its labelled sections, Crossref's is the
// publisher's, OpenAlex's is rebuilt from an inverted index.
var registryRank = map[string]int{"pubmed": 0, "pmc": 1, "crossref": 2, "openalex": 3}

func rankOf(registry string) int {
	if r, ok := registryRank[registry]; ok {
		return r
	}
	return len(registryRank)
}

// Text assembles what a check judges a work by: the sentences of its own
// abstract or, failing that, of one registry record's abstract, then of
// its attached files, then of the registries' full texts, without
// repeats and at most maxPassages; the design from the publication types
// (the reference's own, else the record's whose abstract is used) and the
// title and text, as reckoned when s was built. AbstractFrom names the
// registry whose abstract stood in.
func (s *Source) Text(key, title string) Text {
	t := Text{Key: key, Title: strings.TrimSpace(title)}
	if s == nil {
		t.Design = designOf("", t.Title)
		return t
	}
	s.assemble(&t)
	t.Design = s.Design
	return t
}

// assemble fills t's passages, problems and AbstractFrom, and returns the
// publication types that tell its design.
func (s *Source) assemble(t *Text) (pubTypes string) {
	seen := map[string]bool{}
	add := func(p Part) {
		for _, text := range p.Sentences {
			if len(t.Passages) >= maxPassages {
				return
			}
			text = strings.Join(strings.Fields(text), " ")
			norm := strings.ToLower(text)
			if wordCount(text) < 3 || seen[norm] {
				continue
			}
			seen[norm] = true
			t.Passages = append(t.Passages, corpus.Passage{Text: text, Source: p.Source})
		}
	}
	pt := s.PubTypes
	if own := slices.IndexFunc(s.Parts, func(p Part) bool { return p.From == FromAbstract }); own >= 0 {
		add(s.Parts[own])
	} else if reg := s.registryAbstract(); reg >= 0 {
		p := s.Parts[reg]
		add(p)
		t.AbstractFrom = p.From
		if pt == "" {
			pt = p.PubTypes
		}
	}
	for _, p := range s.Parts {
		if p.From == FromFile {
			if p.Problem != "" {
				t.Problems = append(t.Problems, p.Problem)
			}
			add(p)
		}
	}
	for _, p := range s.Parts {
		if p.From != FromFile && p.Source == corpus.SourceFullText {
			add(p)
			if pt == "" {
				pt = p.PubTypes
			}
		}
	}
	return pt
}

// registryAbstract returns the index of the registry abstract a work
// without its own is read by, or -1.
func (s *Source) registryAbstract() int {
	best := -1
	for i, p := range s.Parts {
		if p.From == FromAbstract || p.From == FromFile || p.Source != corpus.SourceAbstract || len(p.Sentences) == 0 {
			continue
		}
		if best < 0 || rankOf(p.From) < rankOf(s.Parts[best].From) {
			best = i
		}
	}
	return best
}

// Passages returns the passages Text assembles, without the design: what
// the search index keeps.
func (s *Source) Passages() []corpus.Passage {
	if s == nil {
		return nil
	}
	var t Text
	s.assemble(&t)
	return t.Passages
}
