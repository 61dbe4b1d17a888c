// Package config reads .evident.toml files, found like .editorconfig from an
// article's directory up to a root, into the settings a check runs with. It
// knows settings and their sources; what a setting does belongs to check.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/claim"
	"github.com/evident-tools/evident/csl/styles"
)

// FileName is the name of a configuration file.
const FileName = ".evident.toml"

// The built-in values of the settings no file sets.
const (
	DefaultFailOn         = "error"
	DefaultScope          = "sentence"
	DefaultMaxAge         = 0
	DefaultClaimThreshold = claim.DefaultThreshold
	DefaultStyle          = "apa"
)

// SourceDefault is the source of a setting nothing set.
const SourceDefault = "default"

// The names of the settings, in the order Settings lists them. Severities
// follow as "severity.CODE".
var names = append([]string{"fail-on", "scope", "max-age", "claim-threshold", "style", "locale", "ignore", "site"}, registryNames...)

// retired are settings that once had an effect and no longer do, with what
// replaced them. A file that holds one is still read: the setting is
// ignored and Load says so in Config.Warnings, so that an old
// .evident.toml does not stop a check.
var retired = map[string]string{
	"support-threshold": "the evidence stage, which reads the cited works' text, replaced the title-based weak-support check it tuned",
}

// Allowed values, for validation and messages.
var (
	failOnValues = corpus.SeverityNames
	scopeValues  = []string{"sentence", "paragraph"}
	// SeverityLevels are the values a finding's severity may be set to.
	SeverityLevels = []string{"info", "warning", "error", "off"}
)

// Setting is one effective setting and where its value came from.
type Setting struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Source string `json:"source"` // "default", a file path, or a flag ("--scope")
}

// Config holds the effective settings for one directory.
type Config struct {
	FailOn         string
	Scope          string
	MaxAge         int
	ClaimThreshold float64
	Style          string
	// Locale overrides the style's default-locale ("de-DE"); "" keeps it.
	Locale string
	Ignore []string
	// Site is the publication's own address (https://www.example.org):
	// links to it are no citations.
	Site string
	// Registry is where the scholarly registries are and who asks them,
	// and how long their answers are kept (registry.go).
	Registry RegistrySettings
	// Severity maps a finding code to info, warning, error or off; codes
	// not in it keep check's default severity.
	Severity map[string]string
	// Warnings are problems in the files that do not stop a check (a
	// retired setting), each naming its file and line.
	Warnings []*Error

	sources map[string]string // setting name (severity.CODE for severities) → source
	codes   []string          // the finding codes [severity] may name; nil accepts any
}

// Error is a problem in a configuration file, at a line when it is known.
type Error struct {
	File string
	Line int // 0 when the problem is not at one line
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Defaults returns the built-in settings.
func Defaults() *Config {
	return &Config{
		FailOn:         DefaultFailOn,
		Scope:          DefaultScope,
		MaxAge:         DefaultMaxAge,
		Registry:       RegistrySettings{CacheDays: DefaultCacheDays, RetractionCacheDays: DefaultRetractionCacheDays},
		ClaimThreshold: DefaultClaimThreshold,
		Style:          DefaultStyle,
		Ignore:         []string{},
		Severity:       map[string]string{},
		sources:        map[string]string{},
	}
}

// Load reads every .evident.toml from dir up to the filesystem root, or up
// to the first file that says root = true, and applies them farthest first,
// so that a nearer file overrides a farther one key by key. knownCodes are
// the finding codes a [severity] table may name. A file's problems are
// returned as *Error, naming the file and line.
func Load(dir string, knownCodes []string) (*Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	c := Defaults()
	c.codes = slices.Clone(knownCodes)
	var files []*file
	for d := abs; ; {
		path := filepath.Join(d, FileName)
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			f, err := parse(path, string(data), c.codes)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
			if f.root {
				d = "" // stop
			}
		case errors.Is(err, fs.ErrNotExist):
		default:
			// A directory of that name, or one we may not read: say so
			// rather than check with settings the editor did not mean.
			return nil, fmt.Errorf("config: %w", err)
		}
		if d == "" {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for i := len(files) - 1; i >= 0; i-- {
		files[i].apply(c)
		c.Warnings = append(c.Warnings, files[i].warnings...)
	}
	return c, nil
}

// Set applies a value given on the command line over the files, recording
// source (the flag, "--scope") as where it came from. name is a setting
// name ("scope"; a leading "--" is allowed), "severity.CODE", or "severity"
// with a value CODE=LEVEL. A pattern set for "ignore" is added to those of
// the files, not put in their place: a flag never un-ignores what the
// house style ignores.
func (c *Config) Set(name, value, source string) error {
	if c.sources == nil {
		c.sources = map[string]string{}
	}
	if c.Severity == nil {
		c.Severity = map[string]string{}
	}
	name = strings.TrimPrefix(name, "--")
	if name == "severity" {
		code, level, ok := strings.Cut(value, "=")
		if !ok {
			return fmt.Errorf("%s: want CODE=LEVEL, not %q", source, value)
		}
		name, value = "severity."+strings.TrimSpace(code), strings.TrimSpace(level)
	}
	if code, ok := strings.CutPrefix(name, "severity."); ok {
		if err := c.checkCode(code); err != nil {
			return fmt.Errorf("%s: %v", source, err)
		}
		level, err := oneOf(value, SeverityLevels)
		if err != nil {
			return fmt.Errorf("%s: severity of %s: %v", source, code, err)
		}
		c.Severity[code] = level
		c.sources[name] = source
		return nil
	}
	var v any = value
	switch name {
	case "max-age":
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil {
			return fmt.Errorf("%s: %q is not a whole number of years", source, value)
		}
		v = int64(n)
	case "cache-days", "retraction-cache-days":
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil {
			return fmt.Errorf("%s: %q is not a whole number of days", source, value)
		}
		v = int64(n)
	case "claim-threshold":
		x, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil {
			return fmt.Errorf("%s: %q is not a number", source, value)
		}
		v = x
	case "ignore":
		if _, err := regexp.Compile(value); err != nil {
			return fmt.Errorf("%s: bad pattern %q: %v", source, value, regexpReason(err))
		}
		c.Ignore = append(c.Ignore, value)
		if prev := c.sources[name]; prev != "" && prev != SourceDefault && prev != source {
			source = prev + " + " + source
		}
		c.sources[name] = source
		return nil
	}
	val, err := parseValue(name, v)
	if err != nil {
		return fmt.Errorf("%s: %v", source, err)
	}
	val.set(c)
	c.sources[name] = source
	return nil
}

// Settings lists every effective setting with where it came from: the
// settings in a fixed order, then a severity for every known finding code
// (value "default" when check's own applies) and any other code set.
func (c *Config) Settings() []Setting {
	out := make([]Setting, 0, len(names)+len(c.codes))
	for _, n := range names {
		out = append(out, Setting{Name: n, Value: c.value(n), Source: c.Source(n)})
	}
	codes := slices.Clone(c.codes)
	var extra []string
	for code := range c.Severity {
		if !slices.Contains(codes, code) {
			extra = append(extra, code)
		}
	}
	slices.Sort(extra)
	for _, code := range append(codes, extra...) {
		level, ok := c.Severity[code]
		if !ok {
			level = "default"
		}
		name := "severity." + code
		out = append(out, Setting{Name: name, Value: level, Source: c.Source(name)})
	}
	return out
}

// Source says where a setting's value came from: a file, a flag ("--style")
// or SourceDefault.
func (c *Config) Source(name string) string {
	if s := c.sources[name]; s != "" {
		return s
	}
	return SourceDefault
}

func (c *Config) value(name string) string {
	switch name {
	case "fail-on":
		return c.FailOn
	case "scope":
		return c.Scope
	case "max-age":
		return strconv.Itoa(c.MaxAge)
	case "claim-threshold":
		return strconv.FormatFloat(c.ClaimThreshold, 'g', -1, 64)
	case "style":
		return c.Style
	case "locale":
		return c.Locale
	case "site":
		return c.Site
	case "ignore":
		q := make([]string, len(c.Ignore))
		for i, p := range c.Ignore {
			q[i] = strconv.Quote(p)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return c.Registry.value(name)
}

func (c *Config) checkCode(code string) error {
	if c.codes == nil || slices.Contains(c.codes, code) {
		return nil
	}
	msg := fmt.Sprintf("unknown finding code %q", code)
	if near := nearest(code, c.codes); near != "" {
		return fmt.Errorf("%s (did you mean %s?)", msg, near)
	}
	return fmt.Errorf("%s (codes are %s)", msg, strings.Join(c.codes, ", "))
}

// file is one configuration file, read and checked.
type file struct {
	path     string
	root     bool
	values   []value
	severity map[string]string
	warnings []*Error
}

// value is one checked setting of a file.
type value struct {
	name string
	str  string
	num  float64
	list []string
}

func (v value) set(c *Config) {
	switch v.name {
	case "fail-on":
		c.FailOn = v.str
	case "scope":
		c.Scope = v.str
	case "max-age":
		c.MaxAge = int(v.num)
	case "claim-threshold":
		c.ClaimThreshold = v.num
	case "style":
		c.Style = v.str
	case "locale":
		c.Locale = v.str
	case "ignore":
		c.Ignore = slices.Clone(v.list)
	case "site":
		c.Site = v.str
	default:
		c.Registry.set(v)
	}
}

func (f *file) apply(c *Config) {
	for _, v := range f.values {
		v.set(c)
		c.sources[v.name] = f.path
	}
	for code, level := range f.severity {
		c.Severity[code] = level
		c.sources["severity."+code] = f.path
	}
}

// parse reads one file. Every problem names the file and the line of the
// key it is about; the first problem in file order is the one returned.
func parse(path, data string, codes []string) (*file, error) {
	var top map[string]toml.Primitive
	md, err := toml.Decode(data, &top)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{File: path, Line: pe.Position.Line, Msg: "invalid TOML: " + pe.Message}
		}
		return nil, &Error{File: path, Msg: "invalid TOML: " + err.Error()}
	}
	f := &file{path: path, severity: map[string]string{}}
	fail := func(p toml.Primitive, format string, args ...any) error {
		return &Error{File: path, Line: line(&md, p), Msg: fmt.Sprintf(format, args...)}
	}
	var sev map[string]toml.Primitive
	for _, key := range md.Keys() {
		name := key[0]
		p := top[name]
		if len(key) > 1 {
			if name != "severity" {
				continue // inside a table already reported as unknown
			}
			if len(key) > 2 {
				return nil, fail(p, "[severity] holds CODE = LEVEL lines, not tables")
			}
			if sev == nil {
				// severity.CODE = LEVEL written as a dotted key.
				if err := md.PrimitiveDecode(p, &sev); err != nil {
					return nil, fail(p, "severity: %v", err)
				}
			}
			code := key[1]
			var raw any
			cp := sev[code]
			if err := md.PrimitiveDecode(cp, &raw); err != nil {
				return nil, fail(cp, "severity of %s: %v", code, err)
			}
			if codes != nil && !slices.Contains(codes, code) {
				msg := fmt.Sprintf("unknown finding code %q in [severity]", code)
				if near := nearest(code, codes); near != "" {
					return nil, fail(cp, "%s (did you mean %s?)", msg, near)
				}
				return nil, fail(cp, "%s (codes are %s)", msg, strings.Join(codes, ", "))
			}
			s, ok := raw.(string)
			if !ok {
				return nil, fail(cp, "severity of %s must be a string: one of %s", code, strings.Join(SeverityLevels, ", "))
			}
			level, err := oneOf(s, SeverityLevels)
			if err != nil {
				return nil, fail(cp, "severity of %s: %v", code, err)
			}
			f.severity[code] = level
			continue
		}
		var raw any
		if err := md.PrimitiveDecode(p, &raw); err != nil {
			return nil, fail(p, "%s: %v", name, err)
		}
		switch name {
		case "root":
			b, ok := raw.(bool)
			if !ok {
				return nil, fail(p, "root must be true or false")
			}
			f.root = b
		case "severity":
			if _, ok := raw.(map[string]any); !ok {
				return nil, fail(p, "severity must be a table: [severity] with CODE = LEVEL lines")
			}
			if err := md.PrimitiveDecode(p, &sev); err != nil {
				return nil, fail(p, "severity: %v", err)
			}
		default:
			if why, ok := retired[name]; ok {
				f.warnings = append(f.warnings, &Error{File: path, Line: line(&md, p),
					Msg: fmt.Sprintf("%s no longer has an effect and is ignored (%s); remove it", name, why)})
				continue
			}
			if !slices.Contains(names, name) {
				msg := fmt.Sprintf("unknown setting %q", name)
				if near := nearest(name, append(slices.Clone(names), "root", "severity")); near != "" {
					return nil, fail(p, "%s (did you mean %s?)", msg, near)
				}
				return nil, fail(p, "%s (settings are root, %s and [severity])", msg, strings.Join(names, ", "))
			}
			if name == "style" {
				raw = styleBesideFile(raw, path)
			}
			v, err := parseValue(name, raw)
			if err != nil {
				return nil, fail(p, "%v", err)
			}
			f.values = append(f.values, v)
		}
	}
	return f, nil
}

// parseValue checks one setting's value as TOML decoded it.
func parseValue(name string, raw any) (value, error) {
	v := value{name: name}
	switch name {
	case "site":
		s, ok := raw.(string)
		if !ok {
			return v, fmt.Errorf("site must be a string, the publication's address")
		}
		v.str = strings.TrimSpace(s)
	case "locale":
		s, ok := raw.(string)
		if !ok {
			return v, fmt.Errorf("locale must be a string, a language tag such as \"de-DE\"")
		}
		v.str = strings.TrimSpace(s)
		if err := checkLocale(v.str); err != nil {
			return v, fmt.Errorf("locale: %v", err)
		}
	case "fail-on", "scope", "style":
		s, ok := raw.(string)
		if !ok {
			return v, fmt.Errorf("%s must be a string", name)
		}
		var err error
		switch name {
		case "fail-on":
			v.str, err = oneOf(s, failOnValues)
		case "scope":
			v.str, err = oneOf(s, scopeValues)
		default:
			v.str = strings.TrimSpace(s)
			err = checkStyle(v.str)
		}
		if err != nil {
			return v, fmt.Errorf("%s: %v", name, err)
		}
	case "max-age":
		n, ok := raw.(int64)
		if !ok || n < 0 || n > 1000 {
			return v, fmt.Errorf("max-age must be a whole number of years from 0 (off) up, not %s", show(raw))
		}
		v.num = float64(n)
	case "claim-threshold":
		var x float64
		switch n := raw.(type) {
		case float64:
			x = n
		case int64:
			x = float64(n)
		default:
			return v, fmt.Errorf("%s must be a number from 0 to 1, not %s", name, show(raw))
		}
		if x < 0 || x > 1 {
			return v, fmt.Errorf("%s must be a number from 0 to 1, not %s", name, show(raw))
		}
		v.num = x
	case "ignore":
		list, ok := raw.([]any)
		if !ok {
			return v, fmt.Errorf("ignore must be a list of patterns: ignore = [\"^Sponsored:\"]")
		}
		v.list = []string{}
		for _, item := range list {
			s, ok := item.(string)
			if !ok {
				return v, fmt.Errorf("ignore: %s is not a pattern (a string)", show(item))
			}
			if _, err := regexp.Compile(s); err != nil {
				return v, fmt.Errorf("ignore: bad pattern %q: %v", s, regexpReason(err))
			}
			v.list = append(v.list, s)
		}
	default:
		if slices.Contains(registryNames, name) {
			return parseRegistryValue(name, raw)
		}
		return v, fmt.Errorf("unknown setting %q", name)
	}
	return v, nil
}

// checkStyle refuses a style that cannot be found (a built-in name, a .csl
// file, or a style in the styles folders), and suggests the nearest
// built-in one, as for a misspelt setting or code. It only finds the file:
// the command that uses the style parses it, once.
func checkStyle(name string) error {
	if name == "" {
		return errors.New("the style must not be empty")
	}
	_, err := styles.NewFinder(os.Getenv).Find(name)
	if err == nil {
		return nil
	}
	if near := nearest(name, styles.BuiltinNames()); near != "" && errors.Is(err, styles.ErrNotFound) {
		return fmt.Errorf("unknown style %q (did you mean %s?)", name, near)
	}
	return err
}

// styleBesideFile reads a style setting that is a relative path to a .csl
// file ("styles/house.csl") from the folder of the .evident.toml that sets
// it, so that a project's house style is found from any of its folders. A
// bare file name ("nature.csl") is taken from there when it is there, and
// otherwise left for the styles folders.
func styleBesideFile(raw any, file string) any {
	s, ok := raw.(string)
	s = strings.TrimSpace(s)
	isPath := strings.ContainsAny(s, `/\`) && !strings.Contains(s, "://")
	if !ok || s == "" || filepath.IsAbs(s) || !isPath && !strings.EqualFold(filepath.Ext(s), ".csl") {
		return raw
	}
	p := filepath.Join(filepath.Dir(file), s)
	if isPath {
		return p
	}
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p
	}
	return raw
}

// checkLocale refuses a locale no CSL locale file is found for ("" keeps
// the style's own).
func checkLocale(lang string) error {
	if lang == "" {
		return nil
	}
	src, _, err := styles.NewFinder(os.Getenv).Locale(lang)
	if err != nil {
		return err
	}
	if src == nil {
		return fmt.Errorf("no CSL locale file for %q (built in: %s)", lang, strings.Join(styles.EmbeddedLocales(), ", "))
	}
	return nil
}

// regexpReason is regexp's complaint without its "error parsing regexp"
// preamble: what is wrong, and where.
func regexpReason(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return fmt.Sprintf("%s in `%s`", se.Code, se.Expr)
	}
	return err.Error()
}

func oneOf(s string, allowed []string) (string, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(allowed, l) {
		return l, nil
	}
	return "", fmt.Errorf("%q is not one of %s", s, strings.Join(allowed, ", "))
}

func show(raw any) string {
	switch v := raw.(type) {
	case string:
		return strconv.Quote(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprint(raw)
}

// probeError asks toml where a key is (see line).
var probeError = errors.New("probe")

type probe struct{}

func (*probe) UnmarshalTOML(any) error { return probeError }

// line returns the line of the key p was read from, or 0. toml keeps the
// position of every key but shows it only in the ParseError of a value
// that fails to decode, so a decoder that always fails asks for it.
func line(md *toml.MetaData, p toml.Primitive) int {
	var pe toml.ParseError
	if err := md.PrimitiveDecode(p, &probe{}); errors.As(err, &pe) {
		return pe.Position.Line
	}
	return 0
}

// nearest suggests the candidate at most two edits from s (or one that
// differs only in case, "_" for "-"), or "".
func nearest(s string, candidates []string) string {
	norm := strings.ReplaceAll(strings.ToLower(s), "_", "-")
	best, bestD := "", 3
	for _, c := range candidates {
		if c == norm {
			return c
		}
		if d := corpus.EditDistance(norm, c, -1); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
