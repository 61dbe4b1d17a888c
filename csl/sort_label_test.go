package csl

import (
	"strings"
	"testing"
)

func TestSortMacro_LeavesTheNamesLabelOut(t *testing.T) {
	style := styleWith("in-text", "<citation>"+plainCite+"</citation>", `<bibliography et-al-min="3" et-al-use-first="1">
<sort><key macro="author"/><key variable="title"/></sort>
<layout><text macro="author" suffix=". "/><text variable="title"/></layout></bibliography>`)
	style = strings.Replace(style, "<citation>", `<macro name="author"><names variable="author"><name name-as-sort-order="first"/><label form="long" prefix=", "/><substitute><names variable="editor"/></substitute></names></macro><citation>`, 1)
	p := mustProcessor(t, style, Options{})
	items := mustItems(t, `[
{"id":"a","type":"article-journal","title":"Measuring","author":[{"family":"Higgins","given":"Julian"},{"family":"Thompson","given":"Simon"},{"family":"Deeks","given":"Jon"}]},
{"id":"b","type":"book","title":"Cochrane Handbook","editor":[{"family":"Higgins","given":"Julian"},{"family":"Thomas","given":"James"},{"family":"Li","given":"T."}]}]`)
	es, err := p.Bibliography(items)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Text)
	}
	want := []string{"Higgins, Julian et al., editors. Cochrane Handbook", "Higgins, Julian et al. Measuring"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}
