package article

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// docxStyle is what a check needs of a style of word/styles.xml.
type docxStyle struct {
	name    string // lower-case; built-in styles keep their English name ("heading 1") whatever the language
	basedOn string
	outline int  // w:outlineLvl + 1, 0 when not set
	list    bool // the style numbers its paragraphs
	sup     int  // 1 superscript, -1 set to another position, 0 not set
}

// docxStyles are a document's styles by id.
type docxStyles map[string]*docxStyle

// readStyles reads the styles part; a document without one has none.
func readStyles(p *docxPackage, name string) (docxStyles, error) {
	if name == "" {
		name = "word/styles.xml"
	}
	rc, err := p.open(name)
	if rc == nil || err != nil {
		return docxStyles{}, err
	}
	defer rc.Close()
	styles := docxStyles{}
	d := newXMLDecoder(rc)
	var cur *docxStyle
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return styles, nil
		}
		if err != nil {
			return nil, p.partError(name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > docxMaxDepth {
				return nil, p.partError(name, errTooDeep)
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "style":
				cur = &docxStyle{}
				styles[attr(t, "styleId")] = cur
			case "name":
				if cur != nil {
					cur.name = strings.ToLower(attr(t, "val"))
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						cur.outline = n + 1
					}
				}
			case "numPr":
				if cur != nil {
					cur.list = true
				}
			case "vertAlign":
				if cur != nil {
					cur.sup = -1
					if attr(t, "val") == "superscript" {
						cur.sup = 1
					}
				}
			}
		case xml.EndElement:
			depth--
			if isW(t.Name) && t.Name.Local == "style" {
				cur = nil
			}
		}
	}
}

// chain calls fn on the style id and the styles it is based on, nearest
// first, until fn returns true.
func (s docxStyles) chain(id string, fn func(*docxStyle) bool) {
	for range 20 { // a loop of basedOn must end
		st := s[id]
		if st == nil || fn(st) {
			return
		}
		id = st.basedOn
	}
}

// heading returns the heading level of a paragraph style, 0 for none: its
// outline level, else what the built-in heading and title styles are,
// named by id or by their (never translated) built-in name.
func (s docxStyles) heading(id string) int {
	level := 0
	s.chain(id, func(st *docxStyle) bool {
		level = st.outline
		return level > 0
	})
	if level > 0 {
		return level
	}
	for _, name := range []string{strings.ToLower(id), s.name(id)} {
		name = strings.ReplaceAll(name, " ", "")
		if n, ok := strings.CutPrefix(name, "heading"); ok && len(n) == 1 && n[0] >= '1' && n[0] <= '9' {
			return int(n[0] - '0')
		}
		if name == "title" {
			return 1
		}
	}
	return 0
}

func (s docxStyles) name(id string) string {
	if st := s[id]; st != nil {
		return st.name
	}
	return ""
}

// list reports whether a paragraph style numbers its paragraphs.
func (s docxStyles) list(id string) bool {
	list := false
	s.chain(id, func(st *docxStyle) bool {
		list = st.list
		return list
	})
	return list
}

// superscript reports whether a character style raises its text.
func (s docxStyles) superscript(id string) bool {
	sup := 0
	s.chain(id, func(st *docxStyle) bool {
		sup = st.sup
		return sup != 0
	})
	return sup > 0
}

// bibliography reports whether a paragraph style is Word's for entries of
// a bibliography.
func (s docxStyles) bibliography(id string) bool {
	return strings.EqualFold(id, "Bibliography") || s.name(id) == "bibliography"
}

// isW reports whether a name is in WordprocessingML's main namespace,
// transitional or strict (not DrawingML's a:t or math's m:t).
func isW(n xml.Name) bool {
	return strings.HasSuffix(n.Space, "/wordprocessingml/2006/main") || strings.HasSuffix(n.Space, "/wordprocessingml/main")
}

// docxNumbering says which lists of a document count (1, 2, 3 or i, ii,
// a, b) rather than mark with bullets, by numId, at their first level.
type docxNumbering map[string]bool

// readNumbering reads the numbering part; a document without one numbers
// nothing.
func readNumbering(p *docxPackage, name string) (docxNumbering, error) {
	if name == "" {
		name = "word/numbering.xml"
	}
	rc, err := p.open(name)
	if rc == nil || err != nil {
		return docxNumbering{}, err
	}
	defer rc.Close()
	counts := map[string]bool{} // abstractNumId → its first level counts
	nums := map[string]string{} // numId → abstractNumId
	d := newXMLDecoder(rc)
	abstract, level, num, depth := "", "", "", 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, p.partError(name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > docxMaxDepth {
				return nil, p.partError(name, errTooDeep)
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "abstractNum":
				abstract = attr(t, "abstractNumId")
			case "lvl":
				level = attr(t, "ilvl")
			case "numFmt":
				if abstract != "" && level == "0" {
					f := attr(t, "val")
					counts[abstract] = f != "bullet" && f != "none" && f != ""
				}
			case "num":
				num = attr(t, "numId")
			case "abstractNumId":
				if num != "" {
					nums[num] = attr(t, "val")
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "abstractNum":
				abstract = ""
			case "num":
				num = ""
			}
		}
	}
	out := docxNumbering{}
	for n, a := range nums {
		out[n] = counts[a]
	}
	return out, nil
}
