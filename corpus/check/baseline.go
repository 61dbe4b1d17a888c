package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/evident-tools/evident/corpus"
)

// Baseline holds the findings of an earlier check, so that a later one
// reports only what is new: an editor accepts what an article had when it
// came in, and the check gates on what a revision adds.
type Baseline struct {
	// articles maps an article's path (slash-separated) to the number of
	// baseline findings with each identity (see FindingKey).
	articles map[string]map[string]int
	name     string // the file it was read from
}

// Name is the name of the file the baseline was read from.
func (b *Baseline) Name() string { return b.name }

// baselineReport is as much of a JSON report (export.CheckJSON) as a
// baseline needs.
type baselineReport struct {
	Schema  *int `json:"schema"`
	Article struct {
		Path string `json:"path"`
	} `json:"article"`
	Claims []struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"claims"`
	Findings []struct {
		Code    string `json:"code"`
		Claim   string `json:"claim"`
		Marker  string `json:"marker"`
		Message string `json:"message"`
	} `json:"findings"`
}

// LoadBaseline reads the JSON reports of an earlier check (what
// `evident check --format json` writes: one report per article, one after
// another, or a JSON array of them). name is used in errors.
func LoadBaseline(r io.Reader, name string) (*Baseline, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	b := &Baseline{articles: map[string]map[string]int{}, name: name}
	dec := json.NewDecoder(bytes.NewReader(data))
	for n := 0; ; n++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			if n == 0 {
				return nil, fmt.Errorf("%s: empty; a baseline is the JSON report of an earlier check", name)
			}
			return b, nil
		}
		if err != nil {
			return nil, jsonError(name, data, 0, err)
		}
		var reps []baselineReport
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '[' {
			err = json.Unmarshal(raw, &reps)
		} else {
			reps = make([]baselineReport, 1)
			err = json.Unmarshal(raw, &reps[0])
		}
		if err != nil {
			// Unmarshal counts from the start of this report, not of
			// the file.
			return nil, jsonError(name, data, dec.InputOffset()-int64(len(raw)), err)
		}
		for _, rep := range reps {
			if err := b.add(rep); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
}

func (b *Baseline) add(rep baselineReport) error {
	switch {
	case rep.Schema == nil:
		return errors.New("not the JSON report of an evident check (it has no schema)")
	case *rep.Schema > corpus.ReportSchema:
		return fmt.Errorf("written by a newer evident (report schema %d; this one reads up to %d)", *rep.Schema, corpus.ReportSchema)
	}
	texts := make(map[string]string, len(rep.Claims))
	for _, c := range rep.Claims {
		texts[c.ID] = c.Text
	}
	path := slashPath(rep.Article.Path)
	counts := b.articles[path]
	if counts == nil {
		counts = map[string]int{}
		b.articles[path] = counts
	}
	for _, f := range rep.Findings {
		counts[corpus.FindingKey(f.Code, f.Claim, texts[f.Claim], f.Marker, f.Message)]++
	}
	return nil
}

// jsonError names the line of a JSON syntax or type error, whose offset
// counts from base in data.
func jsonError(name string, data []byte, base int64, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = base + se.Offset
	case errors.As(err, &te):
		off = base + te.Offset
	}
	if off >= 0 && off <= int64(len(data)) {
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		return fmt.Errorf("%s:%d: not a JSON check report: %v", name, line, err)
	}
	return fmt.Errorf("%s: not a JSON check report: %v", name, err)
}

// Filter removes from rep the findings the baseline already has and
// returns how many it kept and how many it removed as known. A finding is
// known by its code and the text of its sentence (or, for a finding about
// the reference list, its message), never by its line, which moves as an
// article is revised; digits are left out, so that renumbered citations
// and list entries do not make old findings new. Each baseline finding
// accounts for one finding of rep. The baseline's report for rep's article
// is found by path; a baseline of one article applies whatever its path.
func (b *Baseline) Filter(rep *corpus.Report) (kept int, known int) {
	counts, ok := b.articles[slashPath(rep.Article.Path)]
	if !ok && len(b.articles) == 1 {
		for _, c := range b.articles {
			counts = c
		}
	}
	if len(counts) == 0 {
		return len(rep.Findings), 0
	}
	left := make(map[string]int, len(counts))
	for k, n := range counts {
		left[k] = n
	}
	out := rep.Findings[:0]
	for _, f := range rep.Findings {
		k := rep.FindingKey(f)
		if left[k] > 0 {
			left[k]--
			known++
			switch f.Severity {
			case corpus.Error:
				rep.Summary.Errors--
			case corpus.Warning:
				rep.Summary.Warnings--
			case corpus.Info:
				rep.Summary.Infos--
			}
			continue
		}
		out = append(out, f)
	}
	rep.Findings = out
	return len(out), known
}

func slashPath(p string) string {
	if p == "" {
		return ""
	}
	return filepath.ToSlash(filepath.Clean(p))
}
