package article

import (
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/csljson"
	"github.com/evident-tools/evident/corpus/endnote"
)

// A reference manager writes each citation into a Word document as a
// field: its result is what the editor reads ("[2–4]", "(Smith et al.,
// 2019)"), its instruction names the works cited, with their data:
//
//	ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[{"uris":[...],"itemData":{CSL-JSON}}], ...}
//	ADDIN CSL_CITATION {...the same, with "mendeley":{...}}   (Mendeley Desktop)
//	ADDIN EN.CITE <EndNote><Cite><Author>..</Author><Year>..</Year><RecNum>..</RecNum><record>..</record></Cite></EndNote>
//
// and EndNote puts a long citation's XML, base64, in the w:fldData of a
// field ADDIN EN.CITE.DATA nested in the instruction. The reader keeps the
// result as text, records where it lies in its paragraph with the keys of
// the works (Block.Fields), and keeps each work once (Document.Embedded):
// the marker stage then cites exactly those works instead of parsing the
// result. A field whose works cannot all be read (no item data, as in
// Mendeley's older "ADDIN Mendeley Citation{uuid}", or damaged JSON or XML)
// records nothing, and its result is read as an ordinary marker.

// maxFieldData bounds the data of one citation field that is read.
const maxFieldData = 4 << 20

// docxCites are the works a document's citation fields embed, each once.
type docxCites struct {
	path string
	refs []*corpus.Reference
	byID map[string]string // a work's identity in its manager → its key
	keys bibtex.Keys
}

func newDocxCites(path string) docxCites {
	return docxCites{path: path, byID: map[string]string{}}
}

// citationKeys returns the keys of the works a citation field cites,
// keeping those not seen before; nil when instr is no citation field whose
// works can all be read. data is the base64 of the field's w:fldData.
func (w *docxWalker) citationKeys(instr, data string) []string {
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "ADDIN") || len(instr) > maxFieldData {
		return nil
	}
	line := 0
	if w.cur != nil {
		line = w.cur.line
	}
	switch kind := f[1]; {
	case kind == "ZOTERO_ITEM" || kind == "CSL_CITATION":
		return w.cites.cslCitation(instr, line)
	case kind == "EN.CITE":
		return w.cites.endNoteCitation(instr, data, line)
	}
	return nil
}

// cslCitation is the JSON of a Zotero or Mendeley citation field.
type cslCitation struct {
	CitationItems []struct {
		ID       json.RawMessage `json:"id"`
		URIs     []string        `json:"uris"`
		URI      []string        `json:"uri"`
		ItemData json.RawMessage `json:"itemData"`
	} `json:"citationItems"`
}

func (c *docxCites) cslCitation(instr string, line int) []string {
	i := strings.IndexByte(instr, '{')
	if i < 0 {
		return nil
	}
	var cit cslCitation
	// The JSON ends where Zotero's trailing space and anything after begin.
	if err := json.NewDecoder(strings.NewReader(instr[i:])).Decode(&cit); err != nil || len(cit.CitationItems) == 0 {
		return nil
	}
	works := make([]citedWork, 0, len(cit.CitationItems))
	for _, it := range cit.CitationItems {
		if len(it.ItemData) == 0 {
			return nil
		}
		id := ""
		switch {
		case len(it.URIs) > 0:
			id = "uri:" + it.URIs[0]
		case len(it.URI) > 0:
			id = "uri:" + it.URI[0]
		default:
			// No address: the same data is the same work.
			id = "data:" + string(it.ItemData)
		}
		wk := citedWork{id: id}
		if !c.seen(id, works) {
			if wk.ref = cslItem(it.ItemData); wk.ref == nil {
				return nil
			}
		}
		works = append(works, wk)
	}
	return c.keepAll(works, line)
}

// citedWork is one work a field cites: its identity in the reference
// manager, and its reference when it is not known yet.
type citedWork struct {
	id  string
	ref *corpus.Reference
}

// seen reports whether the work with the identity id is kept already, or
// read earlier in the same field.
func (c *docxCites) seen(id string, works []citedWork) bool {
	if _, ok := c.byID[id]; ok {
		return true
	}
	for _, w := range works {
		if w.id == id {
			return true
		}
	}
	return false
}

// keepAll keeps the works of one field, each read whole first, and returns
// their keys.
func (c *docxCites) keepAll(works []citedWork, line int) []string {
	keys := make([]string, len(works))
	for i, wk := range works {
		keys[i] = c.keep(wk.id, wk.ref, line)
	}
	return keys
}

// cslItem reads a field's CSL-JSON item with the CSL-JSON importer. Its
// id is dropped first: Zotero's is a number and Mendeley's "ITEM-1" counts
// the items of one field, and neither may become a key.
func cslItem(data json.RawMessage) *corpus.Reference {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil || members == nil {
		return nil
	}
	delete(members, "id")
	b, err := json.Marshal(members)
	if err != nil {
		return nil
	}
	res := csljson.ReadText("", string(b))
	if len(res.Refs) != 1 {
		return nil
	}
	return res.Refs[0]
}

// keep returns the key of the work with the identity id, keeping ref
// under a key of its own when the work is new (ref is nil for a work
// seen already).
func (c *docxCites) keep(id string, ref *corpus.Reference, line int) string {
	if k, ok := c.byID[id]; ok || ref == nil {
		return k
	}
	base := ref.Key
	if !bibtex.ValidKey(base) {
		base = bibtex.MakeKey(ref)
	}
	ref.Key = c.keys.Take(base)
	ref.Source = corpus.Source{File: c.path, Line: line}
	c.byID[id] = ref.Key
	c.refs = append(c.refs, ref)
	return ref.Key
}

// endNoteCitation reads an EndNote citation: its XML follows the
// instruction (entity-escaped once more by some versions), or is the
// base64 data of the field.
func (c *docxCites) endNoteCitation(instr, data string, line int) []string {
	x := instr
	if i := strings.Index(x, "<EndNote"); i >= 0 {
		x = x[i:]
	} else if i := strings.Index(x, "&lt;EndNote"); i >= 0 {
		x = html.UnescapeString(x[i:])
	} else if x = fieldData(data); !strings.Contains(x, "<EndNote") {
		return nil
	}
	cites, ok := endNoteCites(x)
	if !ok || len(cites) == 0 {
		return nil
	}
	works := make([]citedWork, 0, len(cites))
	for _, ct := range cites {
		wk := citedWork{id: ct.id}
		if !c.seen(ct.id, works) {
			res := endnote.ReadText("", "<xml><records>"+ct.record+"</records></xml>")
			if len(res.Refs) != 1 || len(res.Problems) > 0 {
				return nil
			}
			wk.ref = res.Refs[0]
		}
		works = append(works, wk)
	}
	return c.keepAll(works, line)
}

// fieldData decodes the base64 of a w:fldData: EndNote's XML, in UTF-8 or
// UTF-16 (a byte-order mark tells).
func fieldData(data string) string {
	data = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, data)
	if data == "" || len(data) > maxFieldData {
		return ""
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return ""
	}
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		be := b[0] == 0xFE
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			if be {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			} else {
				u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
			}
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

// endNoteCite is one <Cite> of an EndNote citation: the identity of its
// work and the XML of its <record>.
type endNoteCite struct {
	id, record string
}

// endNoteCites returns the cites of an EndNote citation's XML; false when
// a cite has no record or the XML is damaged.
func endNoteCites(x string) ([]endNoteCite, bool) {
	d := xml.NewDecoder(strings.NewReader(x))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	var out []endNoteCite
	var cur *endNoteCite
	depth := 0
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return out, true
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > docxMaxDepth {
				return nil, false
			}
			switch t.Name.Local {
			case "Cite":
				out = append(out, endNoteCite{})
				cur = &out[len(out)-1]
			case "RecNum":
				var n string
				if err := d.DecodeElement(&n, &t); err != nil {
					return nil, false
				}
				depth--
				if cur != nil {
					cur.id = "recnum:" + strings.TrimSpace(n)
				}
			case "record":
				if err := d.Skip(); err != nil {
					return nil, false
				}
				depth--
				if cur != nil {
					cur.record = x[before:d.InputOffset()]
				}
			}
		case xml.EndElement:
			depth--
			if t.Name.Local == "Cite" {
				if cur == nil || cur.record == "" {
					return nil, false
				}
				if db := dbID(cur.record); cur.id != "" && db != "" {
					cur.id += "@" + db
				} else if cur.id == "" {
					cur.id = "record:" + cur.record
				}
				cur = nil
			}
		}
	}
}

// dbID is the db-id attribute of an EndNote record's foreign key, which
// names the library its record number counts in.
func dbID(record string) string {
	i := strings.Index(record, `db-id="`)
	if i < 0 {
		return ""
	}
	rest := record[i+len(`db-id="`):]
	if j := strings.IndexByte(rest, '"'); j >= 0 {
		return rest[:j]
	}
	return ""
}
