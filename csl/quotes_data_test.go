package csl

import "testing"

func TestQuotes_QuotesInTheDataTakeTheMarksOfTheirDepth(t *testing.T) {
	quoted := `<layout><text variable="title" quotes="true"/></layout>`
	plain := `<layout><text variable="title"/></layout>`
	tests := []struct {
		name, layout, title, want string
	}{
		{"straight pair inside a quoted title", quoted, `Why \"most\" findings`, "“Why ‘most’ findings”"},
		{"curly pair inside a quoted title", quoted, `Have a “Theory of Mind”?`, "“Have a ‘Theory of Mind’?”"},
		{"straight pair in a plain title", plain, `Why \"most\" findings`, "Why “most” findings"},
		{"an odd straight quote stays", plain, `A 12\" record`, `A 12" record`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderWith(t, tt.layout, plainCite, `{"id":"a","type":"book","title":"`+tt.title+`"}`, Text)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
