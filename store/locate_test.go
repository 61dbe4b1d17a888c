package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLocate_NearestEvidentNamesTheUserLibraryItHides(t *testing.T) {
	work := t.TempDir()
	data := filepath.Join(work, "data")
	env := func(k string) string {
		if k == "XDG_DATA_HOME" {
			return data
		}
		return ""
	}
	proj := filepath.Join(work, "proj")
	if err := os.MkdirAll(filepath.Join(proj, DirName), 0o755); err != nil {
		t.Fatal(err)
	}
	loc, err := Locate("", proj, env)
	if err != nil || loc.Why != "nearest .evident" || loc.Shadows != "" {
		t.Fatalf("no user library: Locate = %+v, %v; want the nearest .evident hiding nothing", loc, err)
	}
	user := filepath.Join(data, "evident")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	loc, err = Locate("", proj, env)
	if err != nil || loc.Dir != filepath.Join(proj, DirName) || loc.Shadows != user {
		t.Fatalf("Locate = %+v, %v; want %s hiding %s", loc, err, filepath.Join(proj, DirName), user)
	}
	loc, err = Locate("", work, env)
	if err != nil || loc.Dir != user || loc.Shadows != "" {
		t.Fatalf("outside the project: Locate = %+v, %v; want %s", loc, err, user)
	}
}
