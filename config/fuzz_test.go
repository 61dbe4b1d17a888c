package config

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/check"
)

// FuzzParse reads arbitrary bytes as a .evident.toml file. A file is either
// rejected with an *Error naming it and a line inside it, or every value it
// gives is one a check accepts, and every setting it prints (evident
// config) can be given back as a flag with the same effect.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"root = true\nfail-on = \"warning\"\nscope = \"paragraph\"\nmax-age = 10\n",
		"claim-threshold = 0.5\nsupport-threshold = 1\nstyle = \" vancouver \"\nignore = [\"^Ad\", '(?i)sponsored']\n",
		"[severity]\nuncited-claim = \"info\"\nstale = \"OFF\"\n",
		"severity.stale = \"error\"\nseverity.weak-support = \"warning\"\n",
		"root = true\n\nscop = \"sentence\"\n", "[output]\nwidth = 3\n", "max-age = 2.5\n", "ignore = [\n  \"ok\",\n  \"(ab\",\n]\n",
		"[severity]\nuncited-claims = \"off\"\n", "[severity.x]\ny = 1\n", "severity = \"off\"\n", "root = \"yes\"\n",
		"scope = \"sentence\nx", "scope = \"a\"\nscope = \"b\"\n", "a.b.c = 1\n", "[[severity]]\n", "\"fail-on\" = \"none\"\n",
		"fail-on = { x = 1 }\n", "ignore = [1, \"a\"]\n", "max-age = 9999999999999999999\n", "claim-threshold = nan\n",
		"\xef\xbb\xbfroot = true\r\nscope = 'sentence'\r\n", "# only a comment\n", "",
	} {
		f.Add([]byte(s))
	}
	codes := check.Codes()
	const path = "dir/.evident.toml"
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := parse(path, string(data), codes)
		lines := strings.Count(string(data), "\n") + 1
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.File != path || ce.Msg == "" || ce.Line < 0 || ce.Line > lines {
				t.Fatalf("error %v (%T): want an *Error naming the file and a line of its %d", err, err, lines)
			}
			if !strings.HasPrefix(err.Error(), path+":") {
				t.Fatalf("error %q does not start with the file", err)
			}
			return
		}
		c := Defaults()
		c.codes = codes
		file.apply(c)
		switch {
		case !slices.Contains(failOnValues, c.FailOn), !slices.Contains(scopeValues, c.Scope),
			c.MaxAge < 0, c.ClaimThreshold < 0 || c.ClaimThreshold > 1,
			c.Style == "" || strings.TrimSpace(c.Style) != c.Style:
			t.Fatalf("file %q gave settings %+v", data, c)
		}
		for _, p := range c.Ignore {
			if _, err := regexp.Compile(p); err != nil {
				t.Fatalf("ignore pattern %q does not compile", p)
			}
		}
		for code, level := range c.Severity {
			if !slices.Contains(codes, code) || !slices.Contains(SeverityLevels, level) {
				t.Fatalf("severity %s = %q", code, level)
			}
		}
		// What evident config prints, a flag takes back.
		again := Defaults()
		again.codes = codes
		for _, s := range c.Settings() {
			if s.Name == "ignore" || s.Value == "default" {
				continue
			}
			if err := again.Set(s.Name, s.Value, "--flag"); err != nil {
				t.Fatalf("setting %s = %q from %q is not accepted back: %v", s.Name, s.Value, data, err)
			}
		}
		if !slices.Equal(settingValues(again), settingValues(c)) {
			t.Fatalf("settings given back as flags differ:\n%v\n%v", settingValues(again), settingValues(c))
		}
	})
}

func settingValues(c *Config) []string {
	var out []string
	for _, s := range c.Settings() {
		if s.Name != "ignore" {
			out = append(out, s.Name+"="+s.Value)
		}
	}
	return out
}
