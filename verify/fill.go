package verify

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/registry"
)

// Fill is one field a record would give a reference ('refs update'): a
// value the reference lacks (Ours empty), or, with Differs, a value it
// has that the record gives otherwise, which is shown and never changed.
type Fill struct {
	Key     string `json:"key"`
	Field   string `json:"field"`
	Ours    string `json:"ours"`
	Record  string `json:"record"`
	Differs bool   `json:"differs"`
}

// fillFields are the fields 'refs update' fills, with the other names a
// reference may hold them under (BibLaTeX's issue for number).
var fillFields = []struct {
	name    string
	aliases []string
	value   func(registry.Record) string
	same    func(a, b string) bool
}{
	{"doi", nil, func(r registry.Record) string { return corpus.NormalizeDOI(r.DOI) },
		func(a, b string) bool { return corpus.NormalizeDOI(a) == corpus.NormalizeDOI(b) }},
	{"pmid", nil, func(r registry.Record) string { return r.PMID },
		func(a, b string) bool { return corpus.NormalizePMID(a) == corpus.NormalizePMID(b) }},
	{"volume", nil, func(r registry.Record) string { return strings.TrimSpace(r.Volume) }, sameText},
	{"number", []string{"issue"}, func(r registry.Record) string { return strings.TrimSpace(r.Issue) }, sameText},
	{"pages", nil, func(r registry.Record) string { return PageRange(r.Pages) },
		func(a, b string) bool {
			return PageRange(strings.ReplaceAll(a, "--", "-")) == PageRange(strings.ReplaceAll(b, "--", "-"))
		}},
	{"abstract", nil, func(r registry.Record) string { return strings.TrimSpace(r.Abstract) }, sameText},
}

// sameText compares two values as text, ignoring case, punctuation and
// spacing: an abstract re-flowed is the same abstract.
func sameText(a, b string) bool { return corpus.NormalizeTitle(a) == corpus.NormalizeTitle(b) }

// PlanFill compares a reference with its record: the fields the reference
// lacks that the record has (DOI, PMID, volume, number, pages, abstract),
// and those it has with a different value, in that order.
func PlanFill(ref *corpus.Reference, rec registry.Record) []Fill {
	var out []Fill
	for _, f := range fillFields {
		theirs := f.value(rec)
		if theirs == "" {
			continue
		}
		ours, has := ref.Get(f.name)
		for _, a := range f.aliases {
			if !has {
				ours, has = ref.Get(a)
			}
		}
		switch {
		case !has || strings.TrimSpace(ours) == "":
			out = append(out, Fill{Key: ref.Key, Field: f.name, Record: theirs})
		case !f.same(ours, theirs):
			out = append(out, Fill{Key: ref.Key, Field: f.name, Ours: ours, Record: theirs, Differs: true})
		}
	}
	return out
}

// ApplyFill returns a copy of ref with the fills that add a value added
// (those that differ are left alone), each new field's Origin set to
// origin, its Raw BibTeX given the same fields before its closing brace,
// and its identifiers derived again.
func ApplyFill(ref *corpus.Reference, fills []Fill, origin string) *corpus.Reference {
	out := *ref
	out.Fields = append([]corpus.Field(nil), ref.Fields...)
	var l bibtex.FieldList
	for _, f := range fills {
		if f.Differs || f.Key != ref.Key {
			continue
		}
		switch f.Field {
		case "doi":
			l.Verbatim("doi", f.Record)
		default:
			l.Text(f.Field, f.Record)
		}
	}
	if len(l.Fields) == 0 {
		return &out
	}
	var raw strings.Builder
	for i := range l.Fields {
		l.Fields[i].Origin = origin
		raw.WriteString("  " + l.Fields[i].Name + " = " + l.Fields[i].Raw + ",\n")
	}
	out.Fields = append(out.Fields, l.Fields...)
	// The entry as written keeps its own text; the new fields go before
	// its closing brace, so that exporting or re-reading it gives them.
	trimmed := strings.TrimRight(out.Raw, " \t\r\n")
	if body, ok := strings.CutSuffix(trimmed, "}"); ok && strings.HasPrefix(strings.TrimSpace(out.Raw), "@") {
		body = strings.TrimRight(body, " \t\r\n")
		if !strings.HasSuffix(body, ",") && !strings.HasSuffix(body, "{") {
			body += ","
		}
		out.Raw = body + "\n" + raw.String() + "}"
	} else {
		SetRaw(&out)
	}
	// Only the identifiers derive from the fields filled; the other
	// members stay as the reference's import made them.
	out.IDs = corpus.ExtractIdentifiers(out.Get)
	return &out
}
