package csl

import (
	"strings"
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
			style := strings.Replace(`<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><names variable="VARS" delimiter="; "><name/><label prefix=", " form="short"/></names></layout></bibliography>
</style>`, "VARS", tt.vars, 1)
			st, err := ParseStyle([]byte(style), "t.csl")
			if err != nil {
				t.Fatal(err)
			}
			p, err := New(st, testLocales(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			es, err := p.Bibliography(mustItems(t, `[{"id":"a","type":"book","title":"T","editor":`+tt.editor+`,"translator":`+tt.translator+`}]`))
			if err != nil {
				t.Fatal(err)
			}
			if es[0].Text != tt.want {
				t.Errorf("got %q, want %q", es[0].Text, tt.want)
			}
		})
	}
}
