package main

import (
	"bytes"
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestResolveVersion(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "a3c251ea406c4f2fffafd1d8284e07be6b5bd3a1"},
		{Key: "vcs.time", Value: "2026-12-06T13:03:19Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	for _, tc := range []struct {
		name     string
		override string
		bi       *debug.BuildInfo
		want     versionInfo
	}{
		{"no build info", "", nil,
			versionInfo{Version: "dev", Go: runtime.Version()}},
		{"devel without VCS", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			versionInfo{Version: "dev", Go: "go1.26.8"}},
		{"installed at a tag", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}},
			versionInfo{Version: "v1.4.0", Go: "go1.26.8"}},
		{"checkout with changes", "", &debug.BuildInfo{GoVersion: "go1.26.8",
			Main: debug.Module{Version: "v0.0.0-20261206130319-a3c251ea406c+dirty"}, Settings: vcs},
			versionInfo{Version: "v0.0.0-20261206130319-a3c251ea406c+dirty", Revision: "a3c251ea406c4f2fffafd1d8284e07be6b5bd3a1",
				Time: "2026-12-06T13:03:19Z", Modified: true, Go: "go1.26.8"}},
		{"-X override wins, VCS kept", "1.5.0-rc1", &debug.BuildInfo{GoVersion: "go1.26.8",
			Main: debug.Module{Version: "v0.0.0-20261206130319-a3c251ea406c+dirty"}, Settings: vcs},
			versionInfo{Version: "1.5.0-rc1", Revision: "a3c251ea406c4f2fffafd1d8284e07be6b5bd3a1",
				Time: "2026-12-06T13:03:19Z", Modified: true, Go: "go1.26.8"}},
	} {
		if got := resolveVersion(tc.override, tc.bi); got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestVersionText_ListsWhatIsKnown(t *testing.T) {
	var b bytes.Buffer
	v := versionInfo{Version: "v1.4.0", Revision: "a3c251ea", Time: "2026-12-06T13:03:19Z", Go: "go1.26.8"}
	if err := v.writeText(&b); err != nil {
		t.Fatal(err)
	}
	want := "evident v1.4.0\nrevision  a3c251ea\ntime      2026-12-06T13:03:19Z\nmodified  false\ngo        go1.26.8\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// TestVersionFlag_IsVersionCommandsFirstLine keeps --version and 'evident
// version' saying the same thing, whatever the build recorded.
func TestVersionFlag_IsVersionCommandsFirstLine(t *testing.T) {
	run := func(args ...string) string {
		var out, errOut bytes.Buffer
		a := &App{Out: &out, Err: &errOut, Getenv: func(string) string { return "" }, Getwd: os.Getwd, NoColor: true}
		if code := a.Execute(context.Background(), args); code != exitOK {
			t.Fatalf("evident %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
		}
		return out.String()
	}
	flag := run("--version")
	cmd := run("version")
	first, _, _ := strings.Cut(cmd, "\n")
	if flag != first+"\n" {
		t.Errorf("--version printed %q, want the first line of 'evident version': %q", flag, first)
	}
	if want := "evident " + buildVersion().Version; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}
