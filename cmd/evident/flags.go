package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/export/style"
	"github.com/spf13/pflag"
)

// enumValue is a flag value that must be one of a fixed list; a wrong value
// is refused when the flags are parsed, naming the allowed ones.
type enumValue struct {
	p       *string
	allowed []string
	// accept, when set, decides instead of the list, and returns the value
	// to keep: a value may be named by an alias the list leaves out.
	accept func(string) (string, error)
}

func (e *enumValue) Set(s string) error {
	if e.accept != nil {
		v, err := e.accept(s)
		if err != nil {
			return err
		}
		*e.p = v
		return nil
	}
	if !slices.Contains(e.allowed, strings.ToLower(s)) {
		return fmt.Errorf("%q is not one of %s", s, strings.Join(e.allowed, ", "))
	}
	*e.p = strings.ToLower(s)
	return nil
}

func (e *enumValue) String() string { return *e.p }

// Type is what help shows as the flag's argument.
func (e *enumValue) Type() string { return "string" }

// enumFlag defines a flag whose value is one of allowed, and writes the
// allowed values into its help. Every --format, --style, --fail-on,
// --scope and --on-duplicate of every command comes through it, so a value
// is checked the same way everywhere, when the flags are parsed.
// (--severity takes CODE=LEVEL pairs, which the settings check with the
// codes they know; its help lists config.SeverityLevels.)
func enumFlag(f *pflag.FlagSet, p *string, name, value string, allowed []string, usage string) *enumValue {
	*p = value
	v := &enumValue{p: p, allowed: allowed}
	f.Var(v, name, usage+": "+strings.Join(allowed, ", "))
	return v
}

// formatFlag defines the --format flag of a command that writes text or JSON.
func formatFlag(f *pflag.FlagSet, p *string) {
	enumFlag(f, p, "format", "text", []string{"text", "json"}, "output format")
}

// styleFlag defines --style: a built-in style by name or alias, a .csl
// file, or a style in a styles folder. Its default is empty, meaning the
// style setting of .evident.toml. The style is found (and an unknown one
// refused) when the command runs, with the locale it is to use.
func styleFlag(f *pflag.FlagSet, p *string, usage string) {
	v := enumFlag(f, p, "style", "", style.Names(), usage+" (or a .csl file, or a style 'evident styles' lists)")
	v.accept = func(s string) (string, error) {
		if strings.TrimSpace(s) == "" {
			return "", errors.New("the style must not be empty")
		}
		return strings.TrimSpace(s), nil
	}
}

// articleFormatValue is --input-format: an article format by name, read
// when the flags are parsed, as every other value list is.
type articleFormatValue struct{ p *corpus.Format }

func (v articleFormatValue) Set(s string) error {
	f, err := article.ParseFormat(s)
	if err != nil {
		return err
	}
	*v.p = f
	return nil
}

func (v articleFormatValue) String() string { return string(*v.p) }
func (v articleFormatValue) Type() string   { return "string" }

// inputFormatFlag defines --input-format, for the commands that read
// articles (check, add, suggest).
func inputFormatFlag(f *pflag.FlagSet, p *corpus.Format) {
	f.Var(articleFormatValue{p}, "input-format", "article format (default: from the file name, else its text): "+strings.Join(article.FormatNames(), ", "))
}
