package styles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotFound is wrapped by Find's error when no style has the name.
var ErrNotFound = errors.New("style not found")

// Finder finds styles and locales: the embedded ones first, then the
// folders in order.
type Finder struct {
	Folders []Folder
}

// NewFinder returns a Finder over DefaultFolders(getenv).
func NewFinder(getenv func(string) string) *Finder {
	return &Finder{Folders: DefaultFolders(getenv)}
}

// Style is a style found by name: the rules to run and what was asked for.
type Style struct {
	// Info describes the style asked for, which may be a dependent style.
	Info Info
	// Data is the independent style's CSL file (the parent's, for a
	// dependent style), and File its name for errors.
	Data []byte
	File string
	// Locale is a dependent style's own default-locale, which overrides its
	// parent's; "" otherwise.
	Locale string
}

// Find resolves a style name:
//   - a built-in style's name, alias, file name or id ("apa", "apa7",
//     "chicago-author-date.csl", "http://www.zotero.org/styles/apa");
//   - a path to a .csl file (it contains a path separator, or names an
//     existing file ending in .csl);
//   - a style id or file name (with or without .csl) in one of the folders,
//     in order; dependent styles are looked for in a folder's dependent/
//     too.
//
// A dependent style brings its independent parent, found the same way.
func (f *Finder) Find(name string) (*Style, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("the style name is empty")
	}
	if b, ok := LookupBuiltin(name); ok {
		return builtinStyle(b)
	}
	if isPath(name) {
		src, err := os.ReadFile(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("style file %s: no such file: %w", name, ErrNotFound)
			}
			return nil, fmt.Errorf("style file %s: %w", name, err)
		}
		in, err := ReadInfo(src, name)
		if err != nil {
			return nil, err
		}
		in.Origin, in.Path, in.Name = "file", name, strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		return f.withParent(in, src)
	}
	short := strings.TrimSuffix(shortID(name), ".csl")
	if short == "" || strings.ContainsAny(short, `/\`) || short == "." || short == ".." {
		return nil, fmt.Errorf("style %q: not a style name", name)
	}
	if in, src, err := f.findInFolders(short, true); err != nil || src != nil {
		if err != nil {
			return nil, err
		}
		return f.withParent(in, src)
	}
	return nil, fmt.Errorf("unknown style %q: not a built-in style (%s), and no %s.csl in %s: %w",
		name, strings.Join(BuiltinNames(), ", "), short, f.where(true), ErrNotFound)
}

// isPath reports whether a style name is a file path rather than a name.
func isPath(name string) bool {
	if strings.ContainsAny(name, `/\`) && !strings.Contains(name, "://") {
		return true
	}
	if strings.EqualFold(filepath.Ext(name), ".csl") {
		if st, err := os.Stat(name); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

func builtinStyle(b Builtin) (*Style, error) {
	src := b.Data()
	in, err := ReadInfo(src, b.File)
	if err != nil {
		return nil, err
	}
	in.Name, in.Origin = b.Name, "built-in"
	return &Style{Info: in, Data: src, File: b.File}, nil
}

// findInFolders looks for short.csl in each folder (and its dependent/ when
// dependents is set); it returns a nil src when there is none.
func (f *Finder) findInFolders(short string, dependents bool) (Info, []byte, error) {
	for _, fo := range f.Folders {
		for _, dir := range styleDirs(fo, dependents) {
			path := filepath.Join(dir, short+".csl")
			src, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			in, err := ReadInfo(src, path)
			if err != nil {
				return in, nil, err
			}
			in.Name, in.Origin, in.Path = short, fo.Origin, path
			return in, src, nil
		}
	}
	return Info{}, nil, nil
}

func styleDirs(fo Folder, dependents bool) []string {
	if fo.Styles == "" {
		return nil
	}
	if dependents {
		return []string{fo.Styles, filepath.Join(fo.Styles, "dependent")}
	}
	return []string{fo.Styles}
}

// withParent completes a found style: an independent one is its own rules;
// a dependent one takes its parent's, found among the built-in styles and
// then in the folders.
func (f *Finder) withParent(in Info, src []byte) (*Style, error) {
	file := in.Path
	if file == "" {
		file = in.Name + ".csl"
	}
	if !in.Dependent() {
		return &Style{Info: in, Data: src, File: file}, nil
	}
	parent := shortID(in.Parent)
	var psrc []byte
	var pin Info
	if b, ok := LookupBuiltin(parent); ok && strings.TrimSuffix(b.File, ".csl") == parent {
		psrc = b.Data()
		file = b.File
	} else {
		var err error
		pin, psrc, err = f.findInFolders(parent, false)
		if err != nil {
			return nil, fmt.Errorf("%s: its independent parent: %w", in.Path, err)
		}
		if psrc == nil {
			return nil, fmt.Errorf("style %s is dependent on %s, which is not built in and not in %s: %w",
				nameOf(in), in.Parent, f.where(false), ErrNotFound)
		}
		file = pin.Path
	}
	pinfo, err := ReadInfo(psrc, file)
	if err != nil {
		return nil, err
	}
	if pinfo.Dependent() {
		return nil, fmt.Errorf("style %s: its parent %s is itself a dependent style", nameOf(in), file)
	}
	return &Style{Info: in, Data: psrc, File: file, Locale: in.DefaultLocale}, nil
}

func nameOf(in Info) string {
	if in.Path != "" {
		return in.Path
	}
	return in.Name
}

// where lists the folders searched, for an error message.
func (f *Finder) where(dependents bool) string {
	var dirs []string
	for _, fo := range f.Folders {
		dirs = append(dirs, styleDirs(fo, dependents)...)
	}
	if len(dirs) == 0 {
		return "no styles folder"
	}
	return strings.Join(dirs, ", ")
}
