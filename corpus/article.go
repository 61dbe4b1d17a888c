package corpus

import "strconv"

// Format is an article's source format.
type Format string

// The article formats evident reads.
const (
	Markdown Format = "markdown"
	Text     Format = "text"
	HTML     Format = "html"
	LaTeX    Format = "latex"
	JATS     Format = "jats" // JATS XML (PLOS, PubMed Central, eLife)
	DOCX     Format = "docx" // Word's Office Open XML
)

// Positions says what the line of a Position counts in an article.
type Positions string

// The kinds of positions.
const (
	// PositionsLines: Position.Line is a line of the file (every text format).
	PositionsLines Positions = ""
	// PositionsParagraphs: Position.Line is the number of a paragraph of the
	// document body, counting every paragraph in order, those in tables and
	// text boxes too (a Word document, which has no lines).
	PositionsParagraphs Positions = "paragraph"
)

// Label writes a line as reports show it: "12", or "¶12" for a paragraph.
func (p Positions) Label(line int) string {
	if p == PositionsParagraphs {
		return "¶" + strconv.Itoa(line)
	}
	return strconv.Itoa(line)
}

// Name writes a line in words: "line 12", or "paragraph 12".
func (p Positions) Name(line int) string {
	if p == PositionsParagraphs {
		return "paragraph " + strconv.Itoa(line)
	}
	return "line " + strconv.Itoa(line)
}

// Place names a line of a file as every report does: "draft.md:12", or
// "draft.docx:¶12".
func (p Positions) Place(path string, line int) string { return path + ":" + p.Label(line) }

// BlockKind says what kind of prose a block or sentence is.
type BlockKind string

// The kinds of prose.
const (
	KindSentence  BlockKind = "sentence" // body paragraph prose
	KindHeading   BlockKind = "heading"
	KindListItem  BlockKind = "list-item"
	KindCaption   BlockKind = "caption"
	KindTableCell BlockKind = "table-cell"
	KindFootnote  BlockKind = "footnote"
)

// Block is one run of prose as a reader extracted it from the source: a
// paragraph, a heading, a list item, a caption, a table cell or a footnote
// body, with markup removed. Citation markers stay in Text in a form the
// marker detector reads (see package cite): numeric and author-year markers
// as written, superscripts as ^1,2^ (pandoc's notation, whatever the source
// format), pandoc citations as written, LaTeX \cite commands as written.
type Block struct {
	Kind BlockKind
	Text string
	// Pos maps each byte offset of Text to the 1-based line and column of
	// the source it came from; len(Pos) == len(Text).
	Pos []Position
	// Paragraph numbers the paragraphs and list items of the article in
	// order; sentences in the same block share it (citation scope).
	Paragraph int
	// Section is the text of the nearest heading above the block.
	Section string
	// Footnote is the label of a footnote body ("1" for [^1]: ...).
	Footnote string
	// Fields are the citation fields of a reference manager in Text (Word:
	// Zotero, Mendeley, EndNote): where each one's result lies and which
	// works it cites. The marker stage makes one marker of each instead of
	// reading its text, so that it cites exactly the works it embeds.
	Fields []CitationField
}

// CitationField is one citation a reference manager wrote into an
// article, with the works it cites: its visible result ("[2–4]",
// "(Smith et al., 2019)") spans Text[Start:End] of its block.
type CitationField struct {
	Start, End int
	// Keys are the keys of the cited works in Document.Embedded, in the
	// order the field cites them.
	Keys []string
}

// Position is a place in a source file.
type Position struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// ListEntry is one entry of an article's own reference list, as written.
type ListEntry struct {
	Label string   `json:"label,omitempty"` // "8" for a numbered list, the pandoc/bib key for a keyed one, "" for author-date
	Text  string   `json:"text"`            // the entry's text, markup removed
	Pos   Position `json:"pos"`
	// Href is the entry's anchor id in HTML (ref-3, B3), for markers that
	// link to it.
	Anchor string `json:"anchor,omitempty"`
}

// Document is an article as a reader returns it: its prose blocks and its
// reference list, which is not prose and never split into claims.
type Document struct {
	Path   string
	Format Format
	// Positions says what Position.Line counts: lines, or paragraphs of
	// a document that has no lines (Word).
	Positions Positions
	Title     string
	Blocks    []Block
	RefList   []ListEntry
	// RefListHeading is the heading under which the list was found, with
	// its position; empty when the article has no reference list.
	RefListHeading string
	RefListPos     Position
	// Bibliography lists the bibliography files the article names, as
	// written (\bibliography{a,b}, \addbibresource{x.bib}, the
	// bibliography: key of Markdown front matter), so a check can offer or
	// load them. The reader does not open them.
	Bibliography []string
	// CiteAliases are the citation aliases the article defines, Manubot's
	// "[@tag:x]: doi:10.1/abc" lines in Markdown: each key, without its
	// @, to the identifier key it stands for ("doi:10.1/abc"). A citation
	// of the key resolves as one of the identifier would.
	CiteAliases map[string]string
	// Suppressions are the article's evident:ignore comments, in source
	// order (see Suppression).
	Suppressions []Suppression
	// Warnings are what the reader found odd in the file, which was read
	// all the same: an encoding other than UTF-8, control characters, no
	// text at all.
	Warnings []Problem
	// Embedded are the works the article's citation fields carry inside
	// themselves (a Zotero or Mendeley field's CSL-JSON, an EndNote
	// field's record), one per work however often it is cited, under the
	// keys Block.Fields cite. A check adds them, in memory only, for works
	// the library lacks; they are never stored in the library.
	Embedded []*Reference
	// Links are the hyperlinks of the article, in source order: those in
	// the body that point at a source outside the publication, which cite
	// it, and those that cite nothing, with the reason (Link.Skipped).
	// Readers of formats without links leave it empty.
	Links []Link
}

// LinkSkip says why a hyperlink of an article cites nothing. The values
// are written into JSON reports and are a contract.
type LinkSkip string

// The reasons a link is no citation.
const (
	LinkCandidate LinkSkip = ""               // a citation of what it points at
	SkipChrome    LinkSkip = "page-chrome"    // in nav, header, footer, aside, a menu, or outside the article
	SkipShare     LinkSkip = "share"          // a share or social button
	SkipSubscribe LinkSkip = "subscribe"      // newsletter, subscribe, donate, log-in
	SkipScheme    LinkSkip = "not-web"        // mailto:, tel:, javascript:, or no address at all
	SkipAnchor    LinkSkip = "in-page"        // #fragment: a place on the same page
	SkipSameSite  LinkSkip = "same-site"      // the publication's own site, or a relative address
	SkipAuthor    LinkSkip = "author"         // a byline or author page
	SkipImage     LinkSkip = "image-only"     // holds only an image
	SkipRefList   LinkSkip = "reference-list" // in the article's reference list, which is matched entry by entry, or a further-reading list
	SkipNotProse  LinkSkip = "not-prose"      // in no sentence of the article (a table of contents, a figure without caption)
)

// Link is one hyperlink of an article.
type Link struct {
	Href string   // as written
	Text string   // the link's text, white space collapsed
	Pos  Position // the first character of its text (of the link itself when it has none)
	// Skipped is why the link cites nothing; LinkCandidate ("") for a link
	// in the body that points at a source outside the publication.
	Skipped LinkSkip
}

// Sentence is one sentence of an article's prose.
type Sentence struct {
	ID        string    `json:"id"` // c1, c2, ... in reading order
	Text      string    `json:"text"`
	Pos       Position  `json:"pos"`
	Kind      BlockKind `json:"kind"`
	Paragraph int       `json:"paragraph"`
	Section   string    `json:"section,omitempty"`
	// Block is the index in Document.Blocks of the block the sentence is
	// part of, for reports that show the article block by block.
	Block int `json:"-"`
	// Markers are the citation markers found in the sentence.
	Markers []Marker `json:"markers,omitempty"`
}

// MarkerKind says which citation style a marker is written in.
type MarkerKind string

// The citation styles of markers.
const (
	MarkerNumeric    MarkerKind = "numeric"     // (3) [2–4] ³ ^1^ <sup>1,2</sup>
	MarkerAuthorYear MarkerKind = "author-year" // (Smith et al., 2019)
	MarkerKey        MarkerKind = "key"         // [@smith2019] \cite{smith2019}
	MarkerFootnote   MarkerKind = "footnote"    // [^1]
	// MarkerField is a reference manager's citation field (Word): its text
	// is what the field shows, and it cites by key the works it embeds.
	MarkerField MarkerKind = "field"
)

// Marker is one citation marker: the text as written and what it cites. A
// marker may cite several works: (1–3), [@a; @b], (Smith, 2019; Lee, 2020).
type Marker struct {
	Text  string     `json:"text"`
	Kind  MarkerKind `json:"kind"`
	Start int        `json:"-"` // byte offsets in the sentence text
	End   int        `json:"-"`
	Pos   Position   `json:"pos"`
	Cites []Cite     `json:"cites"`
	// Narrative is set for in-prose forms: Smith et al. (2019), \textcite,
	// @key without brackets.
	Narrative bool `json:"narrative,omitempty"`
	// Suspect is set for a marker whose form is an outlier for the
	// article's style (a lone superscript in a bracket-cited article).
	Suspect bool `json:"suspect,omitempty"`
}

// Cite is one work a marker points at, in whichever way the marker names it.
type Cite struct {
	Number  int      `json:"number,omitempty"`  // numeric and footnote markers
	Label   string   `json:"label,omitempty"`   // footnote label, or the number as written
	Key     string   `json:"key,omitempty"`     // pandoc or LaTeX key
	Authors []string `json:"authors,omitempty"` // author-year: surnames as written ("Smith", "van der Berg", "World Health Organization"); "et al." → EtAl
	EtAl    bool     `json:"et_al,omitempty"`
	Year    string   `json:"year,omitempty"`    // "2019", "n.d.", "in press"
	Suffix  string   `json:"suffix,omitempty"`  // "a" of 2019a
	Prefix  string   `json:"prefix,omitempty"`  // "see"
	Locator string   `json:"locator,omitempty"` // "p. 4"
}
