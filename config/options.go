package config

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// ForFile returns the settings that apply to the file at path: those of the
// .evident.toml files from its directory up, over the defaults.
func ForFile(path string) (*Config, error) {
	return Load(filepath.Dir(path), check.KnownCodes())
}

// CheckOptions turns the effective settings into the checker's options. It
// is the one place where settings become options: 'check', 'add', re-checks
// of stored articles and 'suggest' all come through it. What is not a
// setting (a retraction list named on the command line, the evidence
// stage) is the caller's to add.
func (c *Config) CheckOptions() (check.Options, error) {
	co := check.Options{
		Scope:          check.Scope(c.Scope),
		MaxAge:         c.MaxAge,
		ClaimThreshold: c.ClaimThreshold,
		Site:           c.Site,
		Severity:       map[string]corpus.Severity{},
	}
	if co.Scope != check.ScopeSentence && co.Scope != check.ScopeParagraph {
		return co, fmt.Errorf("scope must be sentence or paragraph, not %q", c.Scope)
	}
	for code, level := range c.Severity {
		if strings.EqualFold(level, "off") {
			co.Severity[code] = corpus.Off
			continue
		}
		s, err := corpus.ParseSeverity(level)
		if err != nil || s > corpus.Error {
			return co, fmt.Errorf("severity of %s: %q is not info, warning, error or off", code, level)
		}
		co.Severity[code] = s
	}
	for _, p := range c.Ignore {
		re, err := regexp.Compile(p)
		if err != nil {
			return co, fmt.Errorf("ignore pattern %q: %w", p, err)
		}
		co.Ignore = append(co.Ignore, re)
	}
	return co, nil
}

// FailOnSeverity is the fail-on setting as a severity: findings at or above
// it fail the command.
func (c *Config) FailOnSeverity() (corpus.Severity, error) {
	s, err := corpus.ParseSeverity(c.FailOn)
	if err != nil {
		return s, fmt.Errorf("fail-on: %w", err)
	}
	return s, nil
}
