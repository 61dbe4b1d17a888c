package article

// Word documents (.docx, Office Open XML): see the package doc for why by
// hand. What is read: the body's paragraphs, runs, tables, lists and text
// boxes (mc:AlternateContent's first choice or its fallback), headings by
// outline level or built-in style, tracked changes as accepted, field
// results but not instructions, footnotes and endnotes, hyperlinks
// (docx_links.go), and the works reference managers' citation fields
// embed (docx_cites.go); not comments, headers, footers or math.
//
// A document has no lines: a Position's line is the number of a paragraph
// of the body (every w:p in order, those in tables and text boxes too), and
// its column counts characters in that paragraph.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/net/html/charset"
)

// Bounds on what a document may decompress to and how deep its XML may
// nest, so that a zip bomb or a hostile file is refused, not obeyed.
const (
	docxMaxPart  = 100 << 20 // bytes of one part, decompressed
	docxMaxTotal = 200 << 20 // bytes of every part read, decompressed
	docxMaxDepth = 256       // nesting of XML elements
)

// Signatures of the binary files an article might be by mistake.
var (
	sigZip  = []byte("PK\x03\x04")
	sigOLE2 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	sigRTF  = []byte(`{\rtf`)
	sigPDF  = []byte("%PDF")
)

// sniffDOCX reports whether data is a zip whose [Content_Types].xml names
// a Word document.
func sniffDOCX(data []byte) bool {
	if !bytes.HasPrefix(data, sigZip) {
		return false
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == "[Content_Types].xml" {
			b, err := readPart(f, 4<<20, nil)
			return err == nil && bytes.Contains(b, []byte("wordprocessingml"))
		}
	}
	return false
}

// refuseBinary returns an error naming what data is when it is a file no
// article reader reads (an old Word file, OpenDocument, RTF, PDF, a damaged
// or foreign zip) and what to do about it, whatever its extension; nil
// otherwise. A Word document is not refused.
func refuseBinary(path string, data []byte) error {
	switch {
	case bytes.HasPrefix(data, sigOLE2):
		if bytes.Contains(data, utf16le("EncryptionInfo")) {
			return fmt.Errorf("%s: an encrypted (password-protected) Office document; remove the password in Word and save it as .docx", path)
		}
		return fmt.Errorf("%s: a Word 97–2003 .doc (or another Office 97–2003 file); save it as .docx", path)
	case bytes.HasPrefix(data, sigRTF):
		return fmt.Errorf("%s: an RTF document; save it as .docx", path)
	case bytes.HasPrefix(data, sigPDF):
		return fmt.Errorf("%s: a PDF; evident reads the draft it was made from (.docx, .md, .html, .tex, .txt)", path)
	case bytes.HasPrefix(data, sigZip) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("%s: a damaged zip archive (%v); open it in Word and save it again as .docx", path, err)
		}
		for _, f := range z.File {
			if f.Name == "mimetype" {
				if b, err := readPart(f, 1<<10, nil); err == nil && strings.Contains(string(b), "opendocument.text") {
					return fmt.Errorf("%s: an OpenDocument text (.odt); save it as .docx", path)
				}
			}
		}
		if !sniffDOCX(data) {
			return fmt.Errorf("%s: a zip archive that is not a Word document (no word/document.xml); if it is one, it may be encrypted: save it again as .docx without a password", path)
		}
	}
	return nil
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// docxPackage is an opened .docx: its parts by lower-case name (part names
// are case-insensitive) and the decompressed bytes read so far.
type docxPackage struct {
	path     string
	parts    map[string]*zip.File
	read     int64
	declared uint64
}

func openDOCX(path string, data []byte) (*docxPackage, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: a damaged zip archive (%v); open it in Word and save it again as .docx", path, err)
	}
	p := &docxPackage{path: path, parts: make(map[string]*zip.File, len(z.File))}
	for _, f := range z.File {
		p.parts[strings.ToLower(f.Name)] = f
	}
	return p, nil
}

// open returns a reader of the part name, or nil when there is none. The
// reader fails once the part or the package passes its bound.
func (p *docxPackage) open(name string) (io.ReadCloser, error) {
	f := p.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if f == nil {
		return nil, nil
	}
	// The sizes a zip declares are checked first, so that an honest bomb is
	// refused at once; boundedReader stops one that lies.
	if f.UncompressedSize64 > docxMaxPart {
		return nil, fmt.Errorf("%s: refused: %s decompresses to more than %d MB (a zip bomb?)", p.path, name, docxMaxPart>>20)
	}
	if p.declared += f.UncompressedSize64; p.declared > docxMaxTotal {
		return nil, fmt.Errorf("%s: refused: the document decompresses to more than %d MB (a zip bomb?)", p.path, docxMaxTotal>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %v", p.path, name, err)
	}
	return &boundedReader{rc: rc, name: name, pkg: p, left: docxMaxPart}, nil
}

// boundedReader stops a part at docxMaxPart bytes and the package at
// docxMaxTotal.
type boundedReader struct {
	rc   io.ReadCloser
	name string
	pkg  *docxPackage
	left int64
}

var errTooLarge = errors.New("too large")

func (b *boundedReader) Read(buf []byte) (int, error) {
	n, err := b.rc.Read(buf)
	b.left -= int64(n)
	b.pkg.read += int64(n)
	if b.left < 0 {
		return n, fmt.Errorf("%s decompresses to more than %d MB: %w (a zip bomb?)", b.name, docxMaxPart>>20, errTooLarge)
	}
	if b.pkg.read > docxMaxTotal {
		return n, fmt.Errorf("the document decompresses to more than %d MB: %w (a zip bomb?)", docxMaxTotal>>20, errTooLarge)
	}
	return n, err
}

func (b *boundedReader) Close() error { return b.rc.Close() }

// readPart reads a small zip entry whole, at most max bytes.
func readPart(f *zip.File, max int64, _ *docxPackage) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err == nil && int64(len(b)) > max {
		err = errTooLarge
	}
	return b, err
}

// decoder returns an XML decoder of r that skips a byte-order mark and
// reads the encodings an XML declaration may name.
func newXMLDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	d := xml.NewDecoder(br)
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// partError names the file and part of an XML error.
func (p *docxPackage) partError(part string, err error) error {
	if errors.Is(err, errTooLarge) {
		return fmt.Errorf("%s: refused: %v", p.path, err)
	}
	return fmt.Errorf("%s: %s: damaged XML (%v); open it in Word and save it again", p.path, part, err)
}

// relationship is one entry of a .rels part.
type relationship struct {
	typ, target string
	external    bool
}

// rels reads the relationships of a part ("" for the package), with
// internal targets resolved to part names.
func (p *docxPackage) rels(part string) (map[string]relationship, error) {
	dir, file := path.Split(part)
	name := path.Join(dir, "_rels", file+".rels")
	rc, err := p.open(name)
	if rc == nil || err != nil {
		return nil, err
	}
	defer rc.Close()
	out := map[string]relationship{}
	d := newXMLDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, p.partError(name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		r := relationship{typ: attr(se, "Type"), target: attr(se, "Target"), external: attr(se, "TargetMode") == "External"}
		if !r.external {
			if strings.HasPrefix(r.target, "/") {
				r.target = strings.TrimPrefix(r.target, "/")
			} else {
				r.target = path.Join(dir, r.target)
			}
		}
		out[attr(se, "Id")] = r
	}
}

// byType returns the target of the first relationship of the given type
// (its last path element, as "officeDocument" or "footnotes").
func byType(rels map[string]relationship, typ string) string {
	for _, r := range rels {
		if !r.external && path.Base(r.typ) == typ {
			return r.target
		}
	}
	return ""
}

// attr returns the value of the attribute with the local name, whatever its
// namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readDOCX reads a Word document into blocks.
func readDOCX(path string, data []byte) (reader, error) {
	p, err := openDOCX(path, data)
	if err != nil {
		return reader{}, err
	}
	pkgRels, err := p.rels("")
	if err != nil {
		return reader{}, err
	}
	main := byType(pkgRels, "officeDocument")
	if main == "" || p.parts[strings.ToLower(main)] == nil {
		main = "word/document.xml"
	}
	if p.parts[strings.ToLower(main)] == nil {
		return reader{}, fmt.Errorf("%s: a zip archive that is not a Word document (no word/document.xml); if it is one, it may be encrypted: save it again as .docx without a password", path)
	}
	rels, err := p.rels(main)
	if err != nil {
		return reader{}, err
	}
	w := &docxWalker{pkg: p, rels: rels, notes: map[string][]rawBlock{}, labels: map[string]string{}, items: map[string]int{},
		cites: newDocxCites(path)}
	if w.styles, err = readStyles(p, byType(rels, "styles")); err != nil {
		return reader{}, err
	}
	if w.lists, err = readNumbering(p, byType(rels, "numbering")); err != nil {
		return reader{}, err
	}
	for _, n := range []struct{ typ, prefix string }{{"footnotes", ""}, {"endnotes", "e"}} {
		if err := w.readNotes(byType(rels, n.typ), n.prefix); err != nil {
			return reader{}, err
		}
	}
	w.partRels = rels
	if err := w.readPart(main, w.body); err != nil {
		return reader{}, err
	}
	w.flushCarry()
	links := w.docxLinks()
	// A document names no site of its own: the most linked host stands
	// in, as for Markdown; the site setting adds its own in the check.
	classifyLinks(links, "")
	return reader{blocks: append(w.blocks, w.noteBlocks()...), links: links, embedded: w.cites.refs}, nil
}

// readPart walks the XML of a part with fn as its root element handler.
func (w *docxWalker) readPart(name string, fn func(xml.StartElement) error) error {
	rc, err := w.pkg.open(name)
	if rc == nil || err != nil {
		return err
	}
	defer rc.Close()
	w.dec = newXMLDecoder(rc)
	// A field left open at the end of one part must not hide the next.
	w.depth, w.fields, w.hidden, w.bibOpen, w.openLinks = 0, nil, 0, 0, nil
	for {
		tok, err := w.dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return w.pkg.partError(name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(se); err != nil {
				var xe *xml.SyntaxError
				if errors.As(err, &xe) || errors.Is(err, errTooLarge) || errors.Is(err, io.ErrUnexpectedEOF) {
					return w.pkg.partError(name, err)
				}
				return fmt.Errorf("%s: %s: %w", w.pkg.path, name, err)
			}
		}
	}
}
