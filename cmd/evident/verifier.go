package main

import (
	"github.com/spf13/pflag"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/crossref"
	"github.com/evident-tools/evident/registry/doiorg"
	"github.com/evident-tools/evident/registry/openalex"
	"github.com/evident-tools/evident/registry/pubmed"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

// registryFlags are the flags of the commands that ask the registries
// ('check --verify', 'import ID', 'refs update').
type registryFlags struct {
	offline bool
	refresh bool
}

func addRegistryFlags(f *pflag.FlagSet, rf *registryFlags) {
	f.BoolVar(&rf.offline, "offline", false, "ask no registry: use only what the library's cache holds")
	f.BoolVar(&rf.refresh, "refresh", false, "ignore the library's cache and ask the registries again")
}

// newVerifier builds a verifier over the four registries, sharing one
// polite client, with the library st's retraction database when st is
// given. The registries' addresses and the mailto come from the
// environment (EVIDENT_CROSSREF_URL..., EVIDENT_MAILTO).
//
// It is the verify-cmds branch's own wiring, to be replaced by the verify
// engine's constructor and its cache in the library (store/cache.go) when
// the two branches meet; until then nothing is cached between runs.
func (a *App) newVerifier(st *store.Store, rf registryFlags) (*verify.Verifier, error) {
	settings, err := registry.Settings{}.WithEnv(a.Getenv)
	if err != nil {
		return nil, err
	}
	c := &registry.Client{UserAgent: registry.UserAgent(buildVersion().Version, settings.Mailto), Offline: rf.offline}
	v := &verify.Verifier{
		Crossref: crossref.New(c, settings),
		DOI:      doiorg.New(c, settings),
		PubMed:   pubmed.New(c, settings),
		OpenAlex: openalex.New(c, settings),
		Opts:     verify.Options{Offline: rf.offline, Refresh: rf.refresh},
		Sent:     c.Sent,
	}
	if st != nil {
		if _, ok, err := st.RetractionsInfo(); err == nil && ok {
			v.Retractions = st
		}
	}
	return v, nil
}
