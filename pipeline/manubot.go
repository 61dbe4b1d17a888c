package pipeline

import (
	"os"
	"path/filepath"
	"regexp"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/textfile"
)

// manubotPart matches the file names of a Manubot manuscript's parts
// (content/02.introduction.md), which Manubot joins into one article: a
// citation alias defined in one part ([@tag:x]: doi:…, most often all in
// the last) is used in all of them.
var manubotPart = regexp.MustCompile(`^[0-9]+\.[^/\\]+\.md$`)

// addManubotAliases gives a part of a Manubot manuscript the citation
// aliases its sibling parts define; its own definitions win. The parts of
// one directory are read once a run. A sibling that cannot be read gives
// none: it is not the article being checked.
func (b *bibliographies) addManubotAliases(doc *corpus.Document, where string) {
	if doc.Format != corpus.Markdown || !manubotPart.MatchString(filepath.Base(where)) {
		return
	}
	dir := filepath.Dir(where)
	all, ok := b.aliases[dir]
	if !ok {
		all = readManubotAliases(dir)
		b.aliases[dir] = all
	}
	for k, v := range all {
		if _, own := doc.CiteAliases[k]; own {
			continue
		}
		if doc.CiteAliases == nil {
			doc.CiteAliases = map[string]string{}
		}
		doc.CiteAliases[k] = v
	}
}

// readManubotAliases reads the aliases every part in dir defines, the
// first definition in file name order winning.
func readManubotAliases(dir string) map[string]string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	all := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !manubotPart.MatchString(e.Name()) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		text, _, err := textfile.Decode(path, data)
		if err != nil {
			continue
		}
		for k, v := range article.CitationAliases(text) {
			if _, seen := all[k]; !seen {
				all[k] = v
			}
		}
	}
	return all
}
