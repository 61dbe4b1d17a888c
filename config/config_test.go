package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var codes = []string{"uncited-claim", "dangling-citation", "stale", "weak-support"}

// tree writes files (slash-separated paths relative to a temporary
// directory) and returns the directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func settings(c *Config) map[string]Setting {
	m := map[string]Setting{}
	for _, s := range c.Settings() {
		m[s.Name] = s
	}
	return m
}

func TestLoad_NearerFileOverridesKeyByKey(t *testing.T) {
	dir := tree(t, map[string]string{
		"proj/.evident.toml": `root = true
scope = "paragraph"
max-age = 10
ignore = ["^Sponsored:"]
[severity]
stale = "off"
uncited-claim = "error"
`,
		"proj/news/.evident.toml": `max-age = 5
claim-threshold = 0.7
[severity]
uncited-claim = "info"
`,
		"proj/news/2024/article.md": "text",
	})
	c, err := Load(filepath.Join(dir, "proj", "news", "2024"), codes)
	if err != nil {
		t.Fatal(err)
	}
	top := filepath.Join(dir, "proj", ".evident.toml")
	near := filepath.Join(dir, "proj", "news", ".evident.toml")
	got := settings(c)
	want := map[string]Setting{
		"scope":                  {"scope", "paragraph", top},
		"max-age":                {"max-age", "5", near},
		"claim-threshold":        {"claim-threshold", "0.7", near},
		"fail-on":                {"fail-on", "error", SourceDefault},
		"style":                  {"style", "apa", SourceDefault},
		"locale":                 {"locale", "", SourceDefault},
		"ignore":                 {"ignore", `["^Sponsored:"]`, top},
		"severity.stale":         {"severity.stale", "off", top},
		"severity.uncited-claim": {"severity.uncited-claim", "info", near},
		"severity.weak-support":  {"severity.weak-support", "default", SourceDefault},
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s = %+v, want %+v", name, got[name], w)
		}
	}
	if c.MaxAge != 5 || c.Scope != "paragraph" || c.ClaimThreshold != 0.7 || c.Severity["stale"] != "off" {
		t.Errorf("struct fields not set: %+v", c)
	}
}

func TestLoad_RootStopsTheWalk(t *testing.T) {
	dir := tree(t, map[string]string{
		".evident.toml":           "scope = \"paragraph\"\nstyle = \"vancouver\"\n",
		"a/.evident.toml":         "root = true\nmax-age = 3\n",
		"a/b/.evident.toml":       "fail-on = \"warning\"\n",
		"a/b/c/placeholder.txt":   "",
		"other/.evident.toml":     "this is not read = at all [",
		"other/child/placeholder": "",
	})
	c, err := Load(filepath.Join(dir, "a", "b", "c"), codes)
	if err != nil {
		t.Fatal(err)
	}
	if c.Scope != DefaultScope || c.Style != DefaultStyle {
		t.Errorf("a file above root = true was read: scope %q style %q", c.Scope, c.Style)
	}
	if c.MaxAge != 3 || c.FailOn != "warning" {
		t.Errorf("max-age %d fail-on %q, want 3 and warning", c.MaxAge, c.FailOn)
	}
}

func TestLoad_RootFileItselfApplies(t *testing.T) {
	dir := tree(t, map[string]string{".evident.toml": "root = true\nscope = \"paragraph\"\n"})
	c, err := Load(dir, codes)
	if err != nil {
		t.Fatal(err)
	}
	if c.Scope != "paragraph" {
		t.Errorf("scope %q, want paragraph", c.Scope)
	}
}

func TestLoad_ErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, toml string
		line       int
		msg        string
	}{
		{"unknown key", "root = true\n\nscop = \"sentence\"\n", 3, `unknown setting "scop" (did you mean scope?)`},
		{"unknown key far off", "root = true\ncolour = 1\n", 2, `unknown setting "colour" (settings are root,`},
		{"unknown table", "root = true\n[output]\nwidth = 3\n", 2, `unknown setting "output"`},
		{"bad scope", "root = true\nscope = \"page\"\n", 2, `scope: "page" is not one of sentence, paragraph`},
		{"bad fail-on", "root = true\nfail-on = \"fatal\"\n", 2, `fail-on: "fatal" is not one of info, warning, error, none`},
		{"scope not a string", "root = true\nscope = 3\n", 2, "scope must be a string"},
		{"negative age", "root = true\nmax-age = -1\n", 2, "max-age must be a whole number of years"},
		{"fractional age", "root = true\nmax-age = 2.5\n", 2, "max-age must be a whole number"},
		{"threshold out of range", "root = true\nclaim-threshold = 1.5\n", 2, "claim-threshold must be a number from 0 to 1"},
		{"bad regexp", "root = true\nignore = [\n  \"ok\",\n  \"(ab\",\n]\n", 2, "ignore: bad pattern \"(ab\": missing closing ) in `(ab`"},
		{"ignore not a list", "root = true\nignore = \"^Ad\"\n", 2, "ignore must be a list"},
		{"unknown code", "root = true\n[severity]\nuncited-claims = \"off\"\n", 3, `unknown finding code "uncited-claims" in [severity] (did you mean uncited-claim?)`},
		{"unknown code dotted", "root = true\nseverity.nonsense = \"off\"\n", 2, `unknown finding code "nonsense" in [severity] (codes are uncited-claim,`},
		{"bad level", "root = true\n[severity]\nstale = \"fatal\"\n", 3, `severity of stale: "fatal" is not one of info, warning, error, off`},
		{"severity not a table", "root = true\nseverity = \"off\"\n", 2, "severity must be a table"},
		{"root not a bool", "root = \"yes\"\n", 1, "root must be true or false"},
		{"unknown locale", "root = true\nlocale = \"xx-YY\"\n", 2, `locale: no CSL locale file for "xx-YY" (built in: de-DE, en-GB,`},
		{"locale not a string", "root = true\nlocale = 3\n", 2, "locale must be a string"},
		{"syntax", "root = true\nscope = \"sentence\n", 2, "invalid TOML"},
		{"duplicate key", "root = true\nscope = \"sentence\"\nscope = \"paragraph\"\n", 3, "invalid TOML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tree(t, map[string]string{".evident.toml": tt.toml})
			_, err := Load(dir, codes)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if ce.File != filepath.Join(dir, ".evident.toml") || ce.Line != tt.line {
				t.Errorf("at %s:%d, want line %d", ce.File, ce.Line, tt.line)
			}
			if !strings.Contains(ce.Msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", ce.Msg, tt.msg)
			}
			if want := ce.File + ":"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want it to start with %q", err.Error(), want)
			}
		})
	}
}

func TestLoad_ErrorInFartherFileIsReported(t *testing.T) {
	dir := tree(t, map[string]string{
		".evident.toml":   "root = true\nstyl = \"apa\"\n",
		"a/.evident.toml": "scope = \"paragraph\"\n",
	})
	_, err := Load(filepath.Join(dir, "a"), codes)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, ".evident.toml")+":2: unknown setting \"styl\" (did you mean style?)") {
		t.Fatalf("error %v", err)
	}
}

func TestLoad_DirectoryNamedLikeTheFileIsAnError(t *testing.T) {
	dir := tree(t, map[string]string{".evident.toml/x": ""})
	if _, err := Load(dir, codes); err == nil {
		t.Fatal("no error for a directory named .evident.toml")
	}
}

func TestLoad_NoFilesGivesDefaults(t *testing.T) {
	dir := tree(t, map[string]string{".evident.toml": "root = true\n"})
	c, err := Load(dir, codes)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Settings() {
		if s.Source != SourceDefault {
			t.Errorf("%s from %s, want default", s.Name, s.Source)
		}
	}
}

func TestSet_FlagOverridesFiles(t *testing.T) {
	dir := tree(t, map[string]string{".evident.toml": `root = true
scope = "paragraph"
max-age = 10
ignore = ["^Sponsored:"]
[severity]
stale = "off"
`})
	c, err := Load(dir, codes)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, ".evident.toml")
	for _, s := range []struct{ name, value, source string }{
		{"--scope", "sentence", "--scope"},
		{"max-age", "0", "--max-age"},
		{"severity", "stale=warning", "--severity"},
		{"severity.uncited-claim", "off", "--severity"},
		{"ignore", "(?i)^advertisement", "--ignore"},
		{"fail-on", "WARNING", "--fail-on"},
	} {
		if err := c.Set(s.name, s.value, s.source); err != nil {
			t.Fatalf("Set(%s, %s): %v", s.name, s.value, err)
		}
	}
	got := settings(c)
	want := map[string]Setting{
		"scope":                  {"scope", "sentence", "--scope"},
		"max-age":                {"max-age", "0", "--max-age"},
		"severity.stale":         {"severity.stale", "warning", "--severity"},
		"severity.uncited-claim": {"severity.uncited-claim", "off", "--severity"},
		"ignore":                 {"ignore", `["^Sponsored:", "(?i)^advertisement"]`, file + " + --ignore"},
		"fail-on":                {"fail-on", "warning", "--fail-on"},
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s = %+v, want %+v", name, got[name], w)
		}
	}
	if co, err := c.CheckOptions(); err != nil || len(co.Ignore) != 2 {
		t.Errorf("CheckOptions: %d ignore patterns, error %v; want 2 and none", len(co.Ignore), err)
	}
}

func TestSet_RejectsBadValues(t *testing.T) {
	c, err := Load(tree(t, map[string]string{".evident.toml": "root = true\n"}), codes)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ name, value, msg string }{
		{"scope", "page", `--x: scope: "page" is not one of`},
		{"max-age", "ten", `--x: "ten" is not a whole number`},
		{"claim-threshold", "2", "from 0 to 1"},
		{"ignore", "[", "bad pattern"},
		{"severity", "stale", "want CODE=LEVEL"},
		{"severity", "stal=off", "did you mean stale?"},
		{"severity.stale", "loud", `"loud" is not one of info, warning, error, off`},
		{"colour", "red", `unknown setting "colour"`},
	} {
		err := c.Set(s.name, s.value, "--x")
		if err == nil || !strings.Contains(err.Error(), s.msg) {
			t.Errorf("Set(%s, %s) = %v, want %q", s.name, s.value, err, s.msg)
		}
	}
	if got := settings(c)["scope"]; got.Value != DefaultScope || got.Source != SourceDefault {
		t.Errorf("a rejected value changed scope: %+v", got)
	}
}

func TestSettings_StableOrder(t *testing.T) {
	c, err := Load(tree(t, map[string]string{".evident.toml": "root = true\n[severity]\nstale = \"off\"\n"}), codes)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range c.Settings() {
		got = append(got, s.Name)
	}
	want := []string{"fail-on", "scope", "max-age", "claim-threshold", "style", "locale", "ignore", "site",
		"mailto", "crossref-url", "doi-url", "pubmed-url", "openalex-url", "pubmed-api-key", "openalex-api-key", "cache-days", "retraction-cache-days",
		"severity.uncited-claim", "severity.dangling-citation", "severity.stale", "severity.weak-support"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

// support-threshold tuned the title-based weak-support check, which is
// gone: a file that still sets it loads, with a warning naming the file and
// line, and the value changes nothing.
func TestLoad_SupportThresholdIsIgnoredWithAWarning(t *testing.T) {
	dir := tree(t, map[string]string{".evident.toml": "root = true\nscope = \"paragraph\"\nsupport-threshold = 0.2\n"})
	c, err := Load(dir, codes)
	if err != nil {
		t.Fatal(err)
	}
	if c.Scope != "paragraph" {
		t.Errorf("scope %q: the rest of the file was not read", c.Scope)
	}
	if len(c.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", c.Warnings)
	}
	w := c.Warnings[0].Error()
	if !strings.Contains(w, ".evident.toml:3") || !strings.Contains(w, "support-threshold no longer has an effect") {
		t.Errorf("warning %q", w)
	}
}

func TestLoad_StyleFileIsReadBesideTheSettingsFile(t *testing.T) {
	dir := t.TempDir()
	csl := `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id>h</id><title>H</title></info>` +
		`<citation><layout><text variable="title"/></layout></citation></style>`
	for path, content := range map[string]string{
		".evident.toml":        "root = true\nstyle = \"styles/house.csl\"\n",
		"styles/house.csl":     csl,
		"news/.evident.toml":   "style = \"local.csl\"\n",
		"news/local.csl":       csl,
		"news/deep/.gitignore": "",
	} {
		p := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(filepath.Join(dir, "styles"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "styles", "house.csl"); c.Style != want {
		t.Errorf("style %q, want %q", c.Style, want)
	}
	c, err = Load(filepath.Join(dir, "news", "deep"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "news", "local.csl"); c.Style != want {
		t.Errorf("style %q, want %q", c.Style, want)
	}
}
