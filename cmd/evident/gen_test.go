package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/evident-tools/evident/corpus/article/docxtest"
)

// genMain is the "gen" command of the test scripts: it writes inputs too
// big, too binary or too particular about their bytes to keep in a .txtar
// file.
//
//	gen FILE text PART...              the parts one after another: a part
//	                                   N*TEXT is TEXT N times; TEXT takes Go
//	                                   escapes (\n, \x00, \u00e9)
//	gen FILE random N                  N pseudo-random bytes (always the same)
//	gen FILE utf16le|utf16be SRC [nobom]
//	                                   SRC in UTF-16 with a byte order mark,
//	                                   or without one
//	gen FILE crlf SRC                  SRC with CRLF line ends
//	gen FILE docx PARAGRAPH...         a Word document of the paragraphs
//	                                   (see docxtest.Write: "# " heading,
//	                                   "- " list item, ^3 superscript)
//	gen FILE docxml BODY [ID=URL...]   a Word document whose w:body holds
//	                                   the XML of the file BODY, with
//	                                   hyperlink relationships ID → URL
//	gen FILE zip NAME=CONTENT...       a zip archive of the named entries
func genMain() int {
	if err := gen(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		return 2
	}
	return 0
}

func gen(args []string) error {
	if len(args) < 3 {
		return fmt.Errorf("usage: gen FILE text|random|utf16le|utf16be|crlf|docx|docxml|zip ARGS...")
	}
	file, kind, args := args[0], args[1], args[2:]
	var out []byte
	switch kind {
	case "text":
		var b bytes.Buffer
		for _, part := range args {
			n := 1
			if i := strings.IndexByte(part, '*'); i > 0 {
				if m, err := strconv.Atoi(part[:i]); err == nil {
					n, part = m, part[i+1:]
				}
			}
			text, err := strconv.Unquote(`"` + strings.ReplaceAll(part, `"`, `\"`) + `"`)
			if err != nil {
				return fmt.Errorf("%q: %v", part, err)
			}
			for range n {
				b.WriteString(text)
			}
		}
		out = b.Bytes()
	case "random":
		n, err := strconv.Atoi(args[0])
		if err != nil {
			return err
		}
		r := rand.New(rand.NewPCG(1, 2))
		out = make([]byte, n)
		for i := range out {
			out[i] = byte(r.Uint32())
		}
	case "utf16le", "utf16be":
		src, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		runes := []rune(string(src))
		if len(args) < 2 || args[1] != "nobom" {
			runes = append([]rune{0xFEFF}, runes...)
		}
		units := utf16.Encode(runes)
		for _, u := range units {
			if kind == "utf16le" {
				out = append(out, byte(u), byte(u>>8))
			} else {
				out = append(out, byte(u>>8), byte(u))
			}
		}
	case "docx":
		out = docxtest.Write(args...)
	case "docxml":
		body, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		p := docxtest.Parts{Body: string(body), Links: map[string]string{}}
		for _, a := range args[1:] {
			id, url, _ := strings.Cut(a, "=")
			p.Links[id] = url
		}
		out = p.Bytes()
	case "zip":
		parts := map[string]string{}
		for _, a := range args {
			name, content, _ := strings.Cut(a, "=")
			parts[name] = content
		}
		out = docxtest.Zip(parts)
	case "crlf":
		src, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		out = bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	return os.WriteFile(file, out, 0o644)
}
