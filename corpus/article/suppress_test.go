package article

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

func TestSuppressions_EachFormatRecordsIgnoreComments(t *testing.T) {
	tests := []struct {
		name   string
		format corpus.Format
		src    string
		want   []corpus.Suppression
		// noText must not appear in any block: the directive is no prose.
		noText string
	}{
		{"markdown block comment", corpus.Markdown, `# Title

<!-- evident:ignore -->
Coffee cures everything.

<!-- evident:ignore uncited-claim stale -->
Tea cures the rest.

<!--
evident:ignore weak-support
-->
Water is wet.
`, []corpus.Suppression{{Line: 3}, {Line: 6, Codes: []string{"uncited-claim", "stale"}}, {Line: 9, Codes: []string{"weak-support"}}}, "evident"},
		{"markdown inline comment", corpus.Markdown, "First sentence here. <!-- evident:ignore stale -->\nSecond sentence\n<!-- evident:ignore, uncited-claim --> here.\n",
			[]corpus.Suppression{{Line: 1, Codes: []string{"stale"}}, {Line: 3, Codes: []string{"uncited-claim"}}}, "evident"},
		{"markdown in a list and a quote", corpus.Markdown, "- item one\n- <!-- evident:ignore -->item two\n\n> <!-- evident:ignore stale -->\n> quoted\n",
			[]corpus.Suppression{{Line: 2}, {Line: 4, Codes: []string{"stale"}}}, "evident"},
		{"markdown other comments and code", corpus.Markdown, "<!-- a note for editors -->\nText.\n\n```\n<!-- evident:ignore -->\n```\n\n    <!-- evident:ignore -->\n\n<!-- evident:ignored -->\n",
			nil, ""},
		{"markdown reason after --", corpus.Markdown, "<!-- evident:ignore stale -- a historical survey -->\nOld news.\n",
			[]corpus.Suppression{{Line: 1, Codes: []string{"stale"}}}, ""},
		{"html", corpus.HTML, `<html><head><!-- evident:ignore --><title>T</title></head>
<body>
<nav><!-- evident:ignore --><a href="/">Home</a></nav>
<p>Coffee cures everything.</p>
<!-- evident:ignore uncited-claim -->
<p>Tea cures the rest.</p>
<p>Inline <!-- evident:ignore stale --> comment.</p>
</body></html>
`, []corpus.Suppression{{Line: 5, Codes: []string{"uncited-claim"}}, {Line: 7, Codes: []string{"stale"}}}, "evident"},
		{"html inside main only", corpus.HTML, "<body><header><!-- evident:ignore --></header>\n<main>\n<!-- evident:ignore -->\n<p>Claim text here.</p></main></body>\n",
			[]corpus.Suppression{{Line: 3}}, "evident"},
		{"latex", corpus.LaTeX, `\documentclass{article}
% evident:ignore
\begin{document}
Coffee cures everything.
% evident:ignore uncited-claim stale
Tea cures the rest. % evident:ignore weak-support
Prices rose 5\% evident:ignore is not a comment here.
% see the evident:ignore docs
\end{document}
`, []corpus.Suppression{{Line: 5, Codes: []string{"uncited-claim", "stale"}}, {Line: 6, Codes: []string{"weak-support"}}}, ""},
		{"text", corpus.Text, `Title line

evident:ignore
Coffee cures everything.

# evident:ignore uncited-claim
// evident:ignore stale
<!-- evident:ignore weak-support -->
Tea cures the rest, and evident:ignore in prose is prose.
`, []corpus.Suppression{{Line: 3}, {Line: 6, Codes: []string{"uncited-claim"}}, {Line: 7, Codes: []string{"stale"}}, {Line: 8, Codes: []string{"weak-support"}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := read(t, "a", tt.src, tt.format)
			if !reflect.DeepEqual(doc.Suppressions, tt.want) {
				t.Errorf("suppressions\n got %+v\nwant %+v", doc.Suppressions, tt.want)
			}
			if tt.noText == "" {
				return
			}
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, tt.noText) {
					t.Errorf("directive read as prose: %q", b.Text)
				}
			}
		})
	}
}

func TestSuppressions_TextDirectiveIsNotProse(t *testing.T) {
	doc := read(t, "a.txt", "# evident:ignore\nCoffee cures everything.\n", corpus.Text)
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "Coffee cures everything." || doc.Blocks[0].Pos[0].Line != 2 {
		t.Fatalf("blocks %+v", doc.Blocks)
	}
}

func TestParseIgnore(t *testing.T) {
	tests := []struct {
		in    string
		codes []string
		ok    bool
	}{
		{"evident:ignore", nil, true},
		{"  evident:ignore  ", nil, true},
		{"evident:ignore uncited-claim stale", []string{"uncited-claim", "stale"}, true},
		{"evident:ignore uncited-claim,stale", []string{"uncited-claim", "stale"}, true},
		{"evident:ignore: stale", []string{"stale"}, true},
		{"evident:ignore stale -- old on purpose", []string{"stale"}, true},
		{"evident:ignore stale\u00a0-- a no-break space pasted before the reason", []string{"stale"}, true},
		{"evident:ignore\u2003uncited-claim", []string{"uncited-claim"}, true},
		{"evident:ignored", nil, false},
		{"evident:ignore-file", nil, false},
		{"please evident:ignore", nil, false},
		{"", nil, false},
	}
	for _, tt := range tests {
		codes, ok := ParseIgnore(tt.in)
		if ok != tt.ok || !reflect.DeepEqual(codes, tt.codes) {
			t.Errorf("ParseIgnore(%q) = %q, %v; want %q, %v", tt.in, codes, ok, tt.codes, tt.ok)
		}
	}
}

// FuzzParseIgnore checks the evident:ignore directive: it is recognised
// exactly when the comment starts with the directive as a word, its codes
// are whole words without separators, a reason after " -- " changes
// nothing, and the codes read back written out again.
func FuzzParseIgnore(f *testing.F) {
	for _, s := range []string{
		"evident:ignore", " evident:ignore uncited-claim ", "evident:ignore stale, weak-support -- a survey",
		"evident:ignore: stale", "evident:ignored", "evident:ignore-next", "evident:ignore\tstale\nuncited-claim",
		"evident:ignore a--b", "evident:ignore stale\u00a0-- why", "evident:ignore\u2003stale", "EVIDENT:IGNORE", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, comment string) {
		codes, ok := ParseIgnore(comment)
		rest, prefixed := strings.CutPrefix(strings.TrimSpace(comment), IgnoreDirective)
		want := prefixed && (rest == "" || strings.IndexFunc(rest, func(r rune) bool { return r == ',' || r == ':' || unicode.IsSpace(r) }) == 0)
		if ok != want {
			t.Fatalf("ParseIgnore(%q) ok = %v, want %v", comment, ok, want)
		}
		if !ok {
			if codes != nil {
				t.Fatalf("ParseIgnore(%q) = %q for no directive", comment, codes)
			}
			return
		}
		for _, c := range codes {
			if c == "" || strings.Contains(c, "--") || strings.ContainsAny(c, ",:") || strings.IndexFunc(c, unicode.IsSpace) >= 0 {
				t.Fatalf("ParseIgnore(%q): code %q", comment, c)
			}
		}
		if again, ok := ParseIgnore(comment + " -- a reason"); !ok || !slices.Equal(again, codes) {
			t.Fatalf("ParseIgnore(%q) = %q, with a reason %q", comment, codes, again)
		}
		if again, ok := ParseIgnore(IgnoreDirective + " " + strings.Join(codes, " ")); !ok || !slices.Equal(again, codes) {
			t.Fatalf("ParseIgnore(%q) = %q, written out and read again %q", comment, codes, again)
		}
	})
}
