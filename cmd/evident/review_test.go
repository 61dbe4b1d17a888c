package main

import "testing"

func TestReviewer_ByThenGitThenLogin(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	gitSays := func(s string) func() string { return func() string { return s } }
	asked := false
	for _, tc := range []struct {
		name, by, git string
		env           map[string]string
		want          string
	}{
		{"--by wins", " Ann ", "Git Name", map[string]string{"USER": "login"}, "Ann"},
		{"git next", "", "Git Name\n", map[string]string{"USER": "login"}, "Git Name"},
		{"then $USER", "", "", map[string]string{"USER": "login", "USERNAME": "win"}, "login"},
		{"then $USERNAME (Windows)", "", "", map[string]string{"USERNAME": "win"}, "win"},
		{"else unknown", "", " ", nil, "unknown"},
	} {
		if got := reviewer(tc.by, env(tc.env), gitSays(tc.git)); got != tc.want {
			t.Errorf("%s: reviewer = %q, want %q", tc.name, got, tc.want)
		}
	}
	// With --by, git is not asked at all.
	reviewer("Ann", env(nil), func() string { asked = true; return "" })
	if asked {
		t.Error("git asked though --by was given")
	}
}
