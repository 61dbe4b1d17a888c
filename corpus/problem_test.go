package corpus

import "testing"

func TestProblem_ErrorNamesFileLineAndEntry(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "refs.bib", Line: 42, Key: "smith2019", Msg: "boom"}, "refs.bib:42: entry smith2019: boom"},
		{Problem{File: "refs.bib", Line: 3, Msg: "boom"}, "refs.bib:3: boom"},
		{Problem{File: "draft.md", Msg: "the article is empty"}, "draft.md: the article is empty"},
		{Problem{Key: "k", Msg: "boom"}, "entry k: boom"},
		{Problem{Msg: "boom"}, "boom"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.p, got, tt.want)
		}
	}
}
