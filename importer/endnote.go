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
	return p.add(res.Refs, res.Problems, append(warns, res.Warnings...))
}

var sniffEndNote = endnote.Sniff
