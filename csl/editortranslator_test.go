package csl

import (
	"testing"
)

func TestNames_EditorWhoTranslatesIsNamedOnce(t *testing.T) {
	smith := `[{"family":"Smith","given":"John"}]`
	doe := `[{"family":"Doe","given":"Jane"}]`
	tests := []struct {
		name, editor, translator, vars, want string
	}{
		{"same people: once, with editortranslator", smith, smith, "editor translator", "John Smith, ed. & tran."},
		{"different people: both", smith, doe, "editor translator", "John Smith, ed.; Jane Doe, tran."},
		{"only editor asked for", smith, smith, "editor", "John Smith, ed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			layout := `<layout><names variable="` + tt.vars + `" delimiter="; "><name/><label prefix=", " form="short"/></names></layout>`
			got := renderWith(t, layout, plainCite, `{"id":"a","type":"book","title":"T","editor":`+tt.editor+`,"translator":`+tt.translator+`}`, Text)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
