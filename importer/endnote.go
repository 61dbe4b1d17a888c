package importer

import (
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/endnote"
)

// FormatEndNote is EndNote XML, as EndNote and Bookends export it. It has
// no extension of its own: ".xml" is PubMed's too, so content decides.
const FormatEndNote = "endnote-xml"

func (p *parsing) endnote(name, text string, warns []corpus.Problem) int {
	res := endnote.ReadText(name, text)
	p.refs = append(p.refs, res.Refs...)
	p.problems = append(p.problems, res.Problems...)
	p.warnings = append(append(p.warnings, warns...), res.Warnings...)
	return len(res.Refs)
}

var sniffEndNote = endnote.Sniff
