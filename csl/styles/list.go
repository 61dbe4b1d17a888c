package styles

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// List returns the styles available: the built-in ones, then each folder's
// (its dependent/ included), in the order Find searches them, each sorted by
// name. query keeps only the styles whose name, id or title contains every
// word of it (case-insensitive); "" keeps all. A file that is not a
// readable CSL style is left out and reported in skipped ("path:line:
// what"), so that one broken file does not hide the rest.
func (f *Finder) List(query string) (list []Info, skipped []error) {
	words := strings.Fields(strings.ToLower(query))
	for _, b := range Builtins() {
		s, err := builtinStyle(b)
		if err != nil {
			skipped = append(skipped, err)
			continue
		}
		if matches(s.Info, words) {
			list = append(list, s.Info)
		}
	}
	for _, fo := range f.Folders {
		var found []Info
		for _, dir := range styleDirs(fo, true) {
			paths, _ := filepath.Glob(filepath.Join(dir, "*.csl"))
			for _, path := range paths {
				name := strings.TrimSuffix(filepath.Base(path), ".csl")
				// Every file is read, even with a query: a word may match
				// the title inside it.
				in, err := readInfoFile(path)
				if err != nil {
					skipped = append(skipped, err)
					continue
				}
				in.Name, in.Origin, in.Path = name, fo.Origin, path
				if matches(in, words) {
					found = append(found, in)
				}
			}
		}
		sort.SliceStable(found, func(i, j int) bool { return found[i].Name < found[j].Name })
		list = append(list, found...)
	}
	return list, skipped
}

func matches(in Info, words []string) bool {
	hay := strings.ToLower(in.Name + " " + in.ID + " " + in.Title)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// headSize is how much of a style file List reads first: the <info>
// element comes first and is rarely longer, and reading 10,000 whole files
// took twice as long.
const headSize = 8 << 10

// readInfoFile reads the <info> of a style file from its head, and reads
// the whole file only when the head ends inside <info>.
func readInfoFile(path string) (Info, error) {
	fh, err := os.Open(path)
	if err != nil {
		return Info{}, err
	}
	defer fh.Close()
	head := make([]byte, headSize)
	n, err := io.ReadFull(fh, head)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return ReadInfo(head[:n], path)
	}
	if err != nil {
		return Info{}, err
	}
	if in, err := ReadInfo(head, path); err == nil {
		return in, nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return Info{}, err
	}
	return ReadInfo(src, path)
}
