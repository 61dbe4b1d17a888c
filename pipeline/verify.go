package pipeline

import (
	"context"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/verify"
)

// Verifier verifies works against the scholarly record ('check
// --verify'); *verify.Verifier is one, and tests give a fake. The pipeline
// calls it once per article, after the article is resolved and judged,
// through check.Options.Verify, so that package check never asks a
// registry itself.
type Verifier interface {
	Verify(ctx context.Context, targets []verify.Target) (*verify.Report, error)
}

// verifyRun is one run's verification state: the context, and the first
// error the verifier returned (an interrupt), which ends the run.
type verifyRun struct {
	ctx context.Context
	v   Verifier
	err error
	// fetched keeps the text of the records fetched, for the evidence
	// stage, which runs after verification (check.Options.Verify).
	fetched *Fetched
}

// fn adapts the verifier to check.VerifyFunc.
func (vr *verifyRun) fn(works []check.Work) []*corpus.Verification {
	if vr.err != nil {
		return nil
	}
	targets := make([]verify.Target, len(works))
	for i, w := range works {
		targets[i] = verify.Target{Key: w.Key, Ref: w.Ref, Text: w.Text, IDs: w.IDs}
	}
	rep, err := vr.v.Verify(vr.ctx, targets)
	if err != nil {
		// Interrupted: the results so far are kept; the run stops after
		// this article.
		vr.err = err
	}
	out := make([]*corpus.Verification, len(works))
	if rep == nil {
		return out
	}
	vr.fetched.AddResults(rep.References)
	for i := range rep.References {
		if i < len(out) {
			out[i] = Verification(rep.References[i])
		}
	}
	return out
}

// Verification is the part of a verify result a check report keeps.
func Verification(r verify.Result) *corpus.Verification {
	v := &corpus.Verification{Key: r.Key, Verdict: string(r.Verdict), Message: r.Message}
	for _, d := range r.Differences {
		v.Differences = append(v.Differences, corpus.VerifyDifference{Field: d.Field, Ours: d.Ours, Record: d.Record})
	}
	for _, u := range r.Updates {
		v.Updates = append(v.Updates, corpus.VerifyNotice{Type: u.Type, DOI: u.DOI, Date: u.Date, Source: u.Source})
	}
	if r.Record != nil {
		v.Record = verifiedRecord(r.Record)
	}
	return v
}

func verifiedRecord(r *registry.Record) *corpus.VerifiedRecord {
	return &corpus.VerifiedRecord{Registry: r.Registry, DOI: r.DOI, PMID: r.PMID, Title: r.Title, Year: r.Year,
		URL: r.URL, PublishedAs: r.PublishedAs}
}
