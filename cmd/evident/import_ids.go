package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

// importArg is one argument of 'import': a file, or a work's identifier.
type importArg struct {
	arg string
	id  registry.ID
	// malformed is set for an argument that names no file and looks like
	// an identifier but is none ("10.1000", "PMID:12a").
	malformed bool
}

// isID reports whether the argument is to be fetched from a registry.
func (ia importArg) isID() bool { return ia.id.Kind != "" || ia.malformed }

// classifyImportArg tells a file from an identifier: a file that exists
// wins over a name that looks like an identifier; "-" is standard input.
func classifyImportArg(arg string) importArg {
	if arg == "-" {
		return importArg{arg: arg}
	}
	if _, err := os.Stat(arg); err == nil {
		return importArg{arg: arg}
	}
	if id, ok := registry.ParseID(arg); ok {
		return importArg{arg: arg, id: id}
	}
	if looksLikeID(arg) {
		return importArg{arg: arg, malformed: true}
	}
	return importArg{arg: arg}
}

// looksLikeID reports whether a name that is no file was meant as an
// identifier: it has an identifier's prefix or is a web address.
func looksLikeID(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"doi:", "pmid:", "pmid ", "pmcid:", "pmc", "arxiv:", "10.", "http://", "https://"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return l != "" && strings.Trim(l, "0123456789") == ""
}

// fetchIDs fetches the works the identifier arguments name through the
// library st's cache, with the settings of the working directory.
func (a *App) fetchIDs(ctx context.Context, st *store.Store, args []importArg, rf registryFlags) ([]*corpus.Reference, []corpus.Problem, error) {
	cfg, err := a.verifySettings()
	if err != nil {
		return nil, nil, err
	}
	run, err := a.newVerifier(cfg, st, rf)
	if err != nil {
		return nil, nil, err
	}
	defer run.flush(a)
	return fetchReferences(ctx, run.v, args)
}

// fetchReferences fetches the works the identifier arguments name and
// turns each record into a reference keyed the usual way. An identifier
// that is malformed, names no work, or could not be asked about is a
// problem naming it; the others still import.
func fetchReferences(ctx context.Context, v *verify.Verifier, args []importArg) ([]*corpus.Reference, []corpus.Problem, error) {
	var refs []*corpus.Reference
	var problems []corpus.Problem
	now := time.Now()
	for _, ia := range args {
		if ia.malformed {
			problems = append(problems, corpus.Problem{File: ia.arg,
				Msg: "not a DOI, PMID, PMCID or arXiv identifier, nor a file; skipped"})
			continue
		}
		rec, err := v.Fetch(ctx, ia.id)
		switch {
		case err == nil:
			refs = append(refs, verify.Reference(rec, ia.id, now))
		case ctx.Err() != nil:
			return nil, nil, ctx.Err()
		case errors.Is(err, registry.ErrNotFound):
			problems = append(problems, corpus.Problem{File: ia.arg,
				Msg: fmt.Sprintf("no registry holds %s; skipped", ia.id.Label())})
		default:
			problems = append(problems, corpus.Problem{File: ia.arg,
				Msg: fmt.Sprintf("%s could not be fetched (%v); skipped", ia.id.Label(), err)})
		}
	}
	ris.AssignKeys("identifiers", refs)
	for _, r := range refs {
		verify.SetRaw(r)
	}
	return refs, problems, nil
}
