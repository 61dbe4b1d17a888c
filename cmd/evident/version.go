package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version, when set at build time with -ldflags "-X main.version=...",
// overrides the module version from the build info (see buildVersion).
var version string

// versionInfo says which evident this is. Its JSON field names are stable.
type versionInfo struct {
	// Version is the -X override, else the module version the go command
	// recorded (v1.2.3 from 'go install ...@v1.2.3', a pseudo-version such
	// as v0.0.0-20261206130319-a3c251ea406c+dirty from a checkout), else
	// "dev".
	Version  string `json:"version"`
	Revision string `json:"revision"` // the VCS commit, when the build recorded it
	Time     string `json:"time"`     // the commit's time (RFC 3339)
	Modified bool   `json:"modified"` // the work tree had changes not committed
	Go       string `json:"go"`       // the Go toolchain that built evident
}

// buildVersion reads the running binary's version once per call; SARIF
// reports, --version and 'evident version' all use it.
func buildVersion() versionInfo {
	bi, _ := debug.ReadBuildInfo()
	return resolveVersion(version, bi)
}

// resolveVersion is buildVersion with its inputs given; bi may be nil (a
// binary built without module support).
func resolveVersion(override string, bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Version: override, Go: runtime.Version()}
	if bi == nil {
		if v.Version == "" {
			v.Version = "dev"
		}
		return v
	}
	if bi.GoVersion != "" {
		v.Go = bi.GoVersion
	}
	if v.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v.Version = bi.Main.Version
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// firstLine is what --version prints, and the first line of 'evident
// version'.
func (v versionInfo) firstLine() string { return "evident " + v.Version }

func (v versionInfo) writeText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintln(&b, v.firstLine())
	if v.Revision != "" {
		fmt.Fprintf(&b, "revision  %s\n", v.Revision)
		if v.Time != "" {
			fmt.Fprintf(&b, "time      %s\n", v.Time)
		}
		fmt.Fprintf(&b, "modified  %t\n", v.Modified)
	}
	fmt.Fprintf(&b, "go        %s\n", v.Go)
	_, err := io.WriteString(w, b.String())
	return err
}

func newVersionCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print evident's version and what it was built from",
		Example: `  evident version
  evident version --format json`,
		Long: `Print evident's version, the commit it was built from (revision, its time,
and whether the work tree had changes not committed) and the Go version that
built it. The revision is known when evident was built from a git checkout
or installed with 'go install MODULE@VERSION'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := buildVersion()
			if format == "json" {
				return writeJSON(a.Out, v)
			}
			return v.writeText(a.Out)
		},
	}
	formatFlag(cmd.Flags(), &format)
	return cmd
}
