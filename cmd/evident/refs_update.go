package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

type refsUpdateOptions struct {
	apply    bool
	format   string
	registry registryFlags
}

func newRefsUpdateCmd(a *App) *cobra.Command {
	var opts refsUpdateOptions
	cmd := &cobra.Command{
		Use: "update [KEY...]",
		Example: `  evident refs update                  # what the registries would add, for every reference
  evident refs update smith2019 --apply`,
		Short: "Fill references' missing DOI, PMID, volume, number, pages and abstract from the registries",
		Long: `Look each reference up by its identifier (DOI, PMID, PMCID or arXiv id) in
the registries (Crossref, doi.org, PubMed) and show, as a table, the fields
its record would add: DOI, PMID, volume, number, pages and abstract. A field
the reference has is never overwritten: when the record says otherwise, the
difference is shown and left for you to settle. --apply writes the added
fields, in one transaction, each noting the record it came from ('refs
show'); the stored articles that cite them are checked again. A reference
with no identifier is skipped ('evident verify' can find its record).
--offline asks nothing and uses what the library's cache holds.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// The references named, or all of them, read as export reads them.
			refs, err := a.exportRefs(cmd, nil, exportOptions{keys: strings.Join(args, ",")})
			if err != nil {
				return err
			}
			return a.refsUpdate(cmd.Context(), refs, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.apply, "apply", false, "write the added fields to the library")
	formatFlag(cmd.Flags(), &opts.format)
	addRegistryFlags(cmd.Flags(), &opts.registry)
	return cmd
}

// refUpdate is what the record of one reference would add.
type refUpdate struct {
	ref    *corpus.Reference
	fills  []verify.Fill
	origin string
}

func (a *App) refsUpdate(ctx context.Context, refs []*corpus.Reference, opts refsUpdateOptions) error {
	// Held for writing from the first request to the last write, as an
	// import holds it: the cache is filled and the fields written.
	st, loc, err := a.openWrite(false)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg, err := a.verifySettings()
	if err != nil {
		return err
	}
	run, err := a.newVerifier(cfg, st, opts.registry)
	if err != nil {
		return err
	}
	defer run.flush(a)
	v := run.v
	var plans []refUpdate
	var skipped []string
	// The records' abstracts and full texts become the works' texts with
	// --apply, whatever fields they add.
	texts := pipeline.NewFetched()
	now := time.Now()
	for _, r := range refs {
		ids := registry.IDs(r.IDs)
		if len(ids) == 0 {
			skipped = append(skipped, r.Key+": no DOI, PMID, PMCID or arXiv id to look it up by")
			continue
		}
		rec, err := v.Fetch(ctx, ids[0])
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, registry.ErrNotFound):
			skipped = append(skipped, fmt.Sprintf("%s: no registry holds %s", r.Key, ids[0].Label()))
			continue
		default:
			skipped = append(skipped, fmt.Sprintf("%s: %s could not be fetched (%v)", r.Key, ids[0].Label(), err))
			continue
		}
		// The open-access full text, when PMC has it, is cached for the
		// evidence stage; it is no field of the reference.
		v.FullText(ctx, r.IDs, &rec)
		texts.Add(r.Key, &rec)
		if fills := verify.PlanFill(r, rec); len(fills) > 0 {
			plans = append(plans, refUpdate{ref: r, fills: fills, origin: verify.Origin(rec, ids[0], now)})
		}
	}
	for _, s := range skipped {
		fmt.Fprintf(a.Err, "skipped %s\n", s)
	}
	if opts.format == "json" {
		all := []verify.Fill{}
		for _, p := range plans {
			all = append(all, p.fills...)
		}
		if !opts.apply {
			return writeJSON(a.Out, struct {
				Changes []verify.Fill `json:"changes"`
				Applied bool          `json:"applied"`
			}{all, false})
		}
	} else if err := fillTable(a.Out, plans); err != nil {
		return err
	}
	added := 0
	for _, p := range plans {
		for _, f := range p.fills {
			if !f.Differs {
				added++
			}
		}
	}
	if !opts.apply || added == 0 && texts.Len() == 0 {
		if added > 0 {
			fmt.Fprintf(a.Out, "%d %s to add; 'evident refs update --apply' writes them\n", added, export.Plural(added, "field", "fields"))
		}
		return nil
	}
	run.flush(a)
	return a.applyFills(ctx, st, loc, refs, plans, texts, added, opts.format)
}

// applyFills writes the added fields in one transaction, over the
// references as stored then, and checks again the stored articles.
func (a *App) applyFills(ctx context.Context, st *store.Store, loc store.Location, refs []*corpus.Reference, plans []refUpdate, texts *pipeline.Fetched, added int, format string) error {
	var rechecked []string
	gained := 0
	changes, err := st.Update(func(tx *store.Tx) error {
		for _, p := range plans {
			cur, err := tx.Get(p.ref.Key)
			if err != nil {
				return fmt.Errorf("reference %s changed while the registries were asked: %w", p.ref.Key, err)
			}
			// Planned against what was read; filled again against what is
			// stored now, so that a field written meanwhile is kept.
			var fills []verify.Fill
			for _, f := range p.fills {
				if v, ok := cur.Get(f.Field); !ok || strings.TrimSpace(v) == "" {
					fills = append(fills, f)
				}
			}
			if err := tx.Put(verify.ApplyFill(cur, fills, p.origin)); err != nil {
				return err
			}
		}
		var err error
		if gained, err = texts.Apply(tx); err != nil {
			return err
		}
		// The attached files that changed since are read again.
		for _, r := range refs {
			if err := tx.RefreshText(r.Key); err != nil {
				return err
			}
		}
		rechecked, err = a.recheck(tx)
		return err
	})
	if err != nil {
		return err
	}
	ixErr := a.syncIndex(ctx, st, loc, changes)
	a.reportRechecked(rechecked)
	if format == "json" {
		all := []verify.Fill{}
		for _, p := range plans {
			all = append(all, p.fills...)
		}
		if err := writeJSON(a.Out, struct {
			Changes []verify.Fill `json:"changes"`
			Applied bool          `json:"applied"`
		}{all, true}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(a.Out, "added %d %s to %d %s\n", added, export.Plural(added, "field", "fields"),
			len(changes.Put), export.Plural(len(changes.Put), "reference", "references"))
		if gained > 0 {
			fmt.Fprintf(a.Out, "kept the registry text of %d %s\n", gained, export.Plural(gained, "work", "works"))
		}
	}
	return ixErr
}

// fillTable prints what the records would change, one row a field: "+"
// for a field added, "≠" for a value that differs and is left alone.
func fillTable(w io.Writer, plans []refUpdate) error {
	if len(plans) == 0 {
		_, err := fmt.Fprintln(w, "nothing to add: the records hold nothing the references lack")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tKEY\tFIELD\tOURS\tRECORD")
	for _, p := range plans {
		for _, f := range p.fills {
			mark := "+"
			if f.Differs {
				mark = "≠"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", mark, f.Key, f.Field, cell(f.Ours), cell(f.Record))
		}
	}
	return tw.Flush()
}

// cell shortens a value for the table: an abstract shows its start.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	return truncate(s, 60)
}
