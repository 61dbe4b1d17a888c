package bibtex

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// FieldList collects a reference's fields in a fixed order, the way a
// person would write the entry.
type FieldList struct {
	Fields []corpus.Field
}

// Text adds a text field: value is escaped into braced BibTeX source and
// Value is what the BibTeX reader decodes from that source, so that the
// reference equals what importing its BibTeX export gives.
func (l *FieldList) Text(name, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	esc := Escape(value)
	l.Fields = append(l.Fields, corpus.Field{Name: name, Raw: "{" + esc + "}", Value: Decode(esc)})
}

// Verbatim adds a field BibTeX tools read verbatim (url, doi): only what
// would unbalance the braces is percent-encoded, as a URL allows.
func (l *FieldList) Verbatim(name, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	if strings.ContainsAny(value, "{}\\") {
		value = urlEscaper.Replace(value)
	}
	l.Fields = append(l.Fields, corpus.Field{Name: name, Raw: "{" + value + "}", Value: value})
}

var urlEscaper = strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C")

// Raw adds a field whose BibTeX source is given (a number, a month macro,
// a name list).
func (l *FieldList) Raw(name, raw, value string) {
	if value == "" {
		return
	}
	l.Fields = append(l.Fields, corpus.Field{Name: name, Raw: raw, Value: value})
}

// Escape writes text as BibTeX source that decodes back to it: the
// characters LaTeX treats specially are escaped, so a RIS title with "50%"
// or "R&D" does not break the BibTeX written from it.
func Escape(s string) string {
	if !strings.ContainsAny(s, "{}\\%&#$_^~") {
		return s
	}
	if !nested(s) {
		// BibTeX counts \{ and \} when it matches braces, so braces that
		// do not pair up are written as commands.
		return unpairedEscaper.Replace(s)
	}
	return escaper.Replace(s)
}

// nested reports whether the braces of s pair up, each closing one
// after its opening one.
func nested(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

var unpairedEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	"{", `\textbraceleft{}`, "}", `\textbraceright{}`, "%", `\%`, "&", `\&`, "#", `\#`, "$", `\$`, "_", `\_`,
	"^", `\^{}`, "~", `\~{}`,
)

var escaper = strings.NewReplacer(
	`\`, `\textbackslash{}`,
	"{", `\{`, "}", `\}`, "%", `\%`, "&", `\&`, "#", `\#`, "$", `\$`, "_", `\_`,
	"^", `\^{}`, "~", `\~{}`,
)

// Derive fills the searchable and comparable members of a reference built
// from fields (Title, Authors, Editors, Year, Month, Venue, IDs) as the
// BibTeX reader derives them, so that a reference read from another format
// equals what importing its BibTeX export gives.
func Derive(ref *corpus.Reference) {
	if f := ref.Field("title"); f != nil {
		ref.Title, ref.Protected = DecodeTitle(inner(f.Raw))
	}
	if f := ref.Field("author"); f != nil {
		ref.Authors, ref.AuthorsEtAl = ParseNames(inner(f.Raw))
	}
	if f := ref.Field("editor"); f != nil {
		ref.Editors, _ = ParseNames(inner(f.Raw))
	}
	year, _ := ref.Get("year")
	month, _ := ref.Get("month")
	date, _ := ref.Get("date")
	deriveRest(ref, year, month, date)
}

// deriveRest fills a reference's year and month (from year and month, else
// from date), its venue and its identifiers, from its decoded fields: the
// last step of reading an entry, and of Derive.
func deriveRest(ref *corpus.Reference, year, month, date string) {
	ref.Year = corpus.ParseYear(year)
	ref.Month = corpus.ParseMonth(month)
	if date != "" {
		y, m, _ := corpus.ParseDate(date)
		if ref.Year == 0 {
			ref.Year = y
		}
		if ref.Month == 0 {
			ref.Month = m
		}
	}
	for _, name := range []string{"journaltitle", "journal", "booktitle", "publisher", "institution", "school", "organization"} {
		if v, ok := ref.Get(name); ok && v != "" {
			ref.Venue = v
			break
		}
	}
	ref.IDs = corpus.ExtractIdentifiers(ref.Get)
}

// inner strips the outer braces of a braced BibTeX value.
func inner(raw string) string {
	if len(raw) >= 2 && raw[0] == '{' && raw[len(raw)-1] == '}' {
		return raw[1 : len(raw)-1]
	}
	return raw
}
