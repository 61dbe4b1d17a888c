package registry_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// FuzzPlainText: any markup gives lines that are neither empty nor padded,
// valid UTF-8 out of valid UTF-8, and inline text on one line.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{
		"<jats:title>Abstract</jats:title><jats:p>Text &amp;lt; 5</jats:p>",
		"<jats:sec><jats:title>Background</jats:title><jats:p>in<jats:italic>vivo</jats:italic>x</jats:p></jats:sec>",
		"<p>unclosed <b>bold", "<jats:tex-math>\\a</jats:tex-math>", "<title>t</title><plaintext>", "",
		"First  line\n\n second\tline ", "<h2>Why?</h2>\n \n<p>a\r\n\r\nb</p>", "p<0.05 & a<b",
	} {
		f.Add(s)
	}
	// The abstracts and titles the registries' recordings in the clients'
	// testdata hold.
	names, _ := filepath.Glob(filepath.Join("*", "testdata", "*.y*ml"))
	for _, name := range names {
		ins, err := registrytest.Load(name)
		if err != nil {
			continue
		}
		for _, in := range ins {
			var answer struct {
				Message struct {
					Abstract string   `json:"abstract"`
					Title    []string `json:"title"`
				} `json:"message"`
			}
			if json.Unmarshal(in.Body, &answer) != nil {
				continue
			}
			if answer.Message.Abstract != "" {
				f.Add(answer.Message.Abstract)
			}
			for _, t := range answer.Message.Title {
				f.Add(t)
			}
		}
	}
	if body, err := os.ReadFile(filepath.Join("doiorg", "testdata", "science.169.3946.635.csl.json")); err == nil {
		var item struct{ Abstract string }
		if json.Unmarshal(body, &item) == nil && item.Abstract != "" {
			f.Add(item.Abstract)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := registry.PlainText(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", got)
		}
		if got != "" {
			for _, line := range strings.Split(got, "\n") {
				if line == "" || strings.TrimSpace(line) != line {
					t.Fatalf("line %q of %q", line, got)
				}
			}
		}
		in := registry.InlineText(s)
		if strings.ContainsAny(in, "\n\r") || strings.TrimSpace(in) != in {
			t.Fatalf("inline text %q is not one trimmed line", in)
		}
		if utf8.ValidString(s) && !utf8.ValidString(in) {
			t.Fatalf("invalid UTF-8 inline text out of valid input: %q", in)
		}
	})
}
