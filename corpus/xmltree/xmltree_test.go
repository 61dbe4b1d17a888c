package xmltree

import (
	"errors"
	"testing"
)

func TestParse_ReadsMixedContentInOrder(t *testing.T) {
	root, err := Parse([]byte(`<?xml version="1.0"?><!DOCTYPE a SYSTEM "x.dtd"><a id="1"><b>one <i>two</i> three&nbsp;&amp; four</b><b>five</b></a>`))
	if err != nil {
		t.Fatal(err)
	}
	a := root.Child("a")
	if a.Attr("id") != "1" || len(a.Children("b")) != 2 {
		t.Fatalf("a: id %q, %d b", a.Attr("id"), len(a.Children("b")))
	}
	if got := a.Child("b").Plain(); got != "one two three\u00a0& four" && got != "one two three & four" {
		t.Errorf("Plain = %q", got)
	}
	if got := a.Child("b").PlainWithout(map[string]bool{"i": true}); got != "one three\u00a0& four" && got != "one three & four" {
		t.Errorf("PlainWithout(i) = %q", got)
	}
	if root.Path("a", "b", "i").Plain() != "two" || root.Path("a", "x", "y") != nil {
		t.Error("Path does not follow children, or a missing one is not nil")
	}
}

func TestParse_CutDocumentKeepsWhatCameBefore(t *testing.T) {
	for _, src := range []string{`<a><b>kept</b><c>open`, `<a><b>kept</b><c>&bad;<</c></a>`} {
		root, err := Parse([]byte(src))
		if !errors.Is(err, ErrCut) {
			t.Errorf("%q: err %v, want ErrCut", src, err)
		}
		if got := root.Path("a", "b").Plain(); got != "kept" {
			t.Errorf("%q: b = %q, want kept", src, got)
		}
	}
}

func TestParse_DeepNestingIsDroppedNotFollowed(t *testing.T) {
	var src []byte
	for range MaxDepth + 50 {
		src = append(src, "<x>"...)
	}
	src = append(src, "deep"...)
	for range MaxDepth + 50 {
		src = append(src, "</x>"...)
	}
	root, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if root.Plain() != "" {
		t.Errorf("text below MaxDepth kept: %q", root.Plain())
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`<a><b x="1">t<i>u</i></b></a>`))
	f.Add([]byte(`<a><b>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		root, _ := Parse(data)
		_ = root.Plain()
		_ = root.Path("a", "b").Attr("x")
	})
}

func TestParseText_KeepsOffsetsRawRunsAndComments(t *testing.T) {
	src := `<a><!-- note --><b>x &amp; y</b><c>plain</c></a>`
	var comments []string
	root, err := ParseText(src, func(off int, c string) { comments = append(comments, src[off:off+4]+c) })
	if err != nil {
		t.Fatal(err)
	}
	b, c := root.Path("a", "b"), root.Path("a", "c")
	if src[b.Off:b.Off+3] != "<b>" || src[c.Off:c.Off+3] != "<c>" {
		t.Errorf("offsets %d, %d do not point at their start tags", b.Off, c.Off)
	}
	if b.Kids[0].Raw || !c.Kids[0].Raw || src[c.Kids[0].Off:c.Kids[0].Off+5] != "plain" {
		t.Errorf("raw: entity run %v, plain run %v at %d", b.Kids[0].Raw, c.Kids[0].Raw, c.Kids[0].Off)
	}
	if len(comments) != 1 || comments[0] != "<!-- note " {
		t.Errorf("comments %q", comments)
	}
}
