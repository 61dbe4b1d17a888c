package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
)

func newRetractionsCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use: "retractions",
		Example: `  evident retractions                                  # which database the library holds
  evident retractions update retraction_watch.csv`,
		Short: "Keep a retraction database in the library",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.showRetractions()
		},
	}
	cmd.AddCommand(newRetractionsUpdateCmd(a))
	return cmd
}

func newRetractionsUpdateCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use: "update FILE|URL",
		Example: `  evident retractions update retraction_watch.csv
  evident retractions update https://example.org/retraction_watch.csv`,
		Short: "Import the Retraction Watch database (CSV) into the library",
		Long: `Import the whole Retraction Watch database, as Crossref publishes it (CSV),
into the library, replacing the one it holds. Every notice (retraction,
correction, expression of concern, reinstatement) is kept under the DOI and
the PubMed ID of the work it is about, never the notice's own.

From then on 'check' reports cited works the database lists (retracted,
expression-of-concern, corrected) as it does those of a --retractions
file, and 'check --verify' and 'verify' add its notices to the registries'.

The old database stays whole until the new one is written, in one
transaction.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.updateRetractions(cmd.Context(), args[0])
		},
	}
}

// updateRetractions reads the database from a file or a URL and replaces
// the library's with it.
func (a *App) updateRetractions(ctx context.Context, from string) error {
	data, err := a.readRetractionsSource(ctx, from)
	if err != nil {
		return err
	}
	rs, err := check.LoadRetractions(bytes.NewReader(data), from)
	if err != nil {
		return err
	}
	for _, w := range rs.Warnings {
		fmt.Fprintf(a.Err, "warning: %s\n", w.Error())
	}
	st, _, err := a.openWrite(true)
	if err != nil {
		return err
	}
	defer st.Close()
	info, err := st.ReplaceRetractions(pipeline.Notices(rs), storeRetractionsInfo(from))
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Out, "imported %d %s about %d %s from %s\n", info.Notices, export.Plural(info.Notices, "notice", "notices"),
		info.Works, export.Plural(info.Works, "work", "works"), from)
	fmt.Fprintf(a.Out, "  %s\n", kindCounts(rs.Rows()))
	if rs.Skipped > 0 {
		fmt.Fprintf(a.Err, "evident: skipped %d %s that named no work by DOI or PubMed ID\n", rs.Skipped, export.Plural(rs.Skipped, "row", "rows"))
	}
	return nil
}

// readRetractionsSource reads a file, or downloads an http(s) URL through
// the registries' polite client.
func (a *App) readRetractionsSource(ctx context.Context, from string) ([]byte, error) {
	u, err := url.Parse(from)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return pipeline.ReadFile(from, "a CSV file")
	}
	settings, err := registry.Settings{}.WithEnv(a.Getenv)
	if err != nil {
		return nil, err
	}
	c := &registry.Client{
		UserAgent: registry.UserAgent(buildVersion().Version, settings.Mailto),
		// The whole database is some 50 MB and grows.
		MaxBody: 512 << 20,
		Timeout: 10 * time.Minute,
	}
	resp, err := c.Get(ctx, registry.Request{Service: u.Host, URL: from, Accept: "text/csv, */*"})
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", from, err)
	}
	if resp.Status != 200 {
		return nil, fmt.Errorf("download %s: HTTP %d", from, resp.Status)
	}
	return resp.Body, nil
}

// kindCounts says how many notices of each kind rows hold:
// "20 retractions, 1 correction, 0 expressions of concern, 0 reinstatements".
func kindCounts(rows []check.Retraction) string {
	n := map[string]int{}
	for _, r := range rows {
		n[r.Kind()]++
	}
	parts := []string{
		fmt.Sprintf("%d %s", n["retraction"], export.Plural(n["retraction"], "retraction", "retractions")),
		fmt.Sprintf("%d %s", n["correction"], export.Plural(n["correction"], "correction", "corrections")),
		fmt.Sprintf("%d %s", n["expression-of-concern"], export.Plural(n["expression-of-concern"], "expression of concern", "expressions of concern")),
		fmt.Sprintf("%d %s", n["reinstatement"], export.Plural(n["reinstatement"], "reinstatement", "reinstatements")),
	}
	if n[""] > 0 {
		parts = append(parts, fmt.Sprintf("%d of other natures", n[""]))
	}
	return strings.Join(parts, ", ")
}

// showRetractions says which retraction database the library holds.
func (a *App) showRetractions() error {
	st, _, err := a.openRead()
	if err != nil {
		return err
	}
	defer st.Close()
	info, ok, err := st.RetractionsInfo()
	if err != nil {
		return err
	}
	if !ok {
		fmt.Fprintln(a.Out, "no retraction database; import one with 'evident retractions update FILE|URL'")
		return nil
	}
	fmt.Fprintf(a.Out, "%d %s about %d %s, imported %s from %s\n", info.Notices, export.Plural(info.Notices, "notice", "notices"),
		info.Works, export.Plural(info.Works, "work", "works"), info.Imported.Format("2006-01-02 15:04"), info.From)
	return nil
}

func storeRetractionsInfo(from string) store.RetractionsInfo {
	return store.RetractionsInfo{From: from, Imported: time.Now().UTC()}
}
