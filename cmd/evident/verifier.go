package main

import (
	"fmt"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

// registryFlags are the flags of the commands that ask the registries
// besides 'verify' ('check --verify', 'import ID', 'refs update').
type registryFlags struct {
	offline bool
	refresh bool
}

func addRegistryFlags(f *pflag.FlagSet, rf *registryFlags) {
	f.BoolVar(&rf.offline, "offline", false, "ask no registry: use only what the library's cache holds")
	f.BoolVar(&rf.refresh, "refresh", false, "ignore the library's cache and ask the registries again")
}

// registryRun is a verifier and the cache it fills, which must be flushed
// when the run ends, interrupted or not.
type registryRun struct {
	v   *verify.Verifier
	sc  *verify.StoreCache
	bar *progressbar.ProgressBar
}

// flush writes what the run fetched to the library's cache; a failure is
// a warning: the next run asks again.
func (r registryRun) flush(a *App) {
	if r.bar != nil {
		_ = r.bar.Finish()
	}
	if r.sc == nil {
		return
	}
	if err := r.sc.Flush(); err != nil {
		fmt.Fprintf(a.Err, "warning: the registry cache could not be written: %v\n", err)
	}
}

// newVerifier builds a verifier as 'verify' does (verify.New): the
// registry settings of cfg with the environment over them, the cache in
// the library st (none when st is nil; st must be open for writing unless
// offline) and st's retraction database.
func (a *App) newVerifier(cfg *config.Config, st *store.Store, rf registryFlags) (registryRun, error) {
	if rf.offline && rf.refresh {
		return registryRun{}, fmt.Errorf("--offline and --refresh contradict each other: --offline asks nothing, --refresh asks again")
	}
	settings, err := cfg.Registry.Settings().WithEnv(a.Getenv)
	if err != nil {
		return registryRun{}, err
	}
	vo := verify.Options{Offline: rf.offline, Refresh: rf.refresh}
	vo.MaxAge, vo.UpdatesMaxAge = cfg.Registry.CacheAges()
	var run registryRun
	var cache verify.Cache
	var rs verify.Retractions
	if st != nil {
		run.sc = verify.NewStoreCache(st)
		cache = run.sc
		if _, ok, err := st.RetractionsInfo(); err == nil && ok {
			rs = st
		}
	}
	if a.ErrTTY && !a.noProgress && !rf.offline {
		// Asking registries takes seconds per work at their pace: show
		// how far it is, on a terminal only, cleared when done so the
		// report starts on a clean line.
		run.bar = newCountBar(a.Err, "verifying")
		bar := run.bar
		vo.Progress = func(done, total int) {
			bar.ChangeMax(total)
			_ = bar.Set(done)
			if done >= total {
				_ = bar.Finish()
			}
		}
	}
	run.v, err = verify.New(settings, buildVersion().Version, cache, rs, vo)
	return run, err
}

// libraryForRun opens the library, when there is one, for the whole run:
// for writing when the run fills the registry cache, else for reading. It
// returns nil when there is no library; close closes it.
func (a *App) libraryForRun(write bool) (st *store.Store, close func(), err error) {
	close = func() {}
	loc, err := a.locate()
	if err != nil || !loc.Exists() {
		// No library to consult; a command that needs one says so.
		return nil, close, nil
	}
	if write {
		st, _, err = a.openWrite(false)
	} else {
		st, _, err = a.openRead()
	}
	if err != nil {
		return nil, close, err
	}
	return st, func() { st.Close() }, nil
}

// registryCache is the library's verification cache for the evidence
// stage, which reads the abstracts of the records in it: the run's own
// under --verify, so that what it just fetched counts; nil without a
// library.
func registryCache(st *store.Store, run registryRun) verify.Cache {
	switch {
	case run.sc != nil:
		return run.sc
	case st != nil:
		return verify.NewStoreCache(st)
	}
	return nil
}
