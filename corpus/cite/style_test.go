package cite

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// markerTexts returns, per sentence, the text of each marker with a "!"
// after a Suspect one.
func markerTexts(ms [][]corpus.Marker) [][]string {
	out := make([][]string, len(ms))
	for i, row := range ms {
		out[i] = []string{}
		for _, m := range row {
			s := m.Text
			if m.Suspect {
				s += "!"
			}
			out[i] = append(out[i], s)
		}
	}
	return out
}

func sameRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

func TestAnalyze_StyleRules(t *testing.T) {
	tests := []struct {
		name      string
		texts     []string
		maxNumber int
		want      [][]string
		dominant  corpus.MarkerKind
		brackets  string
	}{
		{
			name: "LoneGluedSuperscriptDroppedInBracketArticle",
			texts: []string{
				"Boron neutron capture was studied [1].",
				"The NOX² enzyme and the cells^10^ were counted [2, 3].",
				"Earlier trials agree [4–6].",
				"One review disagrees.^7,8^",
			},
			want:     [][]string{{"[1]"}, {"[2, 3]"}, {"[4–6]"}, {"^7,8^!"}},
			dominant: corpus.MarkerNumeric, brackets: "[]",
		},
		{
			name: "SuperscriptArticleKeepsGluedSuperscripts",
			texts: []string{
				"Boron neutron capture was studied.¹",
				"The enzyme was described earlier² and later³.",
				"Earlier trials agree⁴⁻⁶ with it.",
			},
			want:     [][]string{{"¹"}, {"²", "³"}, {"⁴⁻⁶"}},
			dominant: corpus.MarkerNumeric, brackets: "sup",
		},
		{
			name: "NumericInAuthorYearArticleIsSuspect",
			texts: []string{
				"Pain fell after surgery (Smith, 2019).",
				"Jones et al. (2020) found the same.",
				"Others disagree (Lee & Park, 2018; Kim, 2021).",
				"A scale was used (3).",
			},
			want:     [][]string{{"(Smith, 2019)"}, {"Jones et al. (2020)"}, {"(Lee & Park, 2018; Kim, 2021)"}, {"(3)!"}},
			dominant: corpus.MarkerAuthorYear, brackets: "()",
		},
		{
			name: "AuthorYearInNumericArticleIsSuspect",
			texts: []string{
				"Pain fell after surgery [1].",
				"Others found the same [2, 3].",
				"Trials agree [4].",
				"A census was run (GBD 2010).",
			},
			want:     [][]string{{"[1]"}, {"[2, 3]"}, {"[4]"}, {"(GBD 2010)!"}},
			dominant: corpus.MarkerNumeric, brackets: "[]",
		},
		{
			name: "ArticleMixingBothOftenFlagsNothing",
			texts: []string{
				"Pain fell after surgery [1].",
				"Others found the same [2, 3].",
				"Smith (2019) agrees.",
				"Trials agree [4] and (Jones, 2020).",
			},
			want:     [][]string{{"[1]"}, {"[2, 3]"}, {"Smith (2019)"}, {"[4]", "(Jones, 2020)"}},
			dominant: corpus.MarkerNumeric, brackets: "[]",
		},
		{
			name: "ParenNumberUnlikeBracketArticleIsSuspect",
			texts: []string{
				"Pain fell after surgery [1].",
				"Others found the same [2, 3].",
				"Trials agree [4].",
				"Keratin (34) was up-regulated.",
			},
			want:     [][]string{{"[1]"}, {"[2, 3]"}, {"[4]"}, {"(34)!"}},
			dominant: corpus.MarkerNumeric, brackets: "[]",
		},
		{
			name: "ClauseNumberDroppedInAuthorYearArticle",
			texts: []string{
				"Pain fell after surgery (Smith, 2019).",
				"Two arms were run; (2) the second got placebo.",
				"Jones (2020) agrees.",
			},
			want:     [][]string{{"(Smith, 2019)"}, {}, {"Jones (2020)"}},
			dominant: corpus.MarkerAuthorYear, brackets: "()",
		},
		{
			name: "ClauseNumberKeptInNumericArticle",
			texts: []string{
				"Pain fell after surgery (1).",
				"Two arms were run; (2) the second got placebo.",
				"Others agree (3, 4).",
			},
			want:     [][]string{{"(1)"}, {"(2)"}, {"(3, 4)"}},
			dominant: corpus.MarkerNumeric, brackets: "()",
		},
		{
			name: "NumbersBeyondReferenceListStay",
			texts: []string{
				"Pain fell after surgery [1].",
				"Others found the same [2, 3].",
				"A lost source says so [17].",
			},
			maxNumber: 3,
			want:      [][]string{{"[1]"}, {"[2, 3]"}, {"[17]"}},
			dominant:  corpus.MarkerNumeric, brackets: "[]",
		},
		{
			name: "NumberedListDecidesWhenMarkersAreSilent",
			texts: []string{
				"Nothing is cited here.",
				"Two arms were run; (2) the second got placebo.",
			},
			maxNumber: 5,
			want:      [][]string{{}, {"(2)"}},
			dominant:  corpus.MarkerNumeric, brackets: "",
		},
		{
			name: "LiteralMarkersInKeyedArticleAreSuspect",
			texts: []string{
				"It holds [@smith2019].",
				"It also holds [@doe2020; @lee2021].",
				"As @kim2018 says, and as typed by hand (4).",
			},
			want:     [][]string{{"[@smith2019]"}, {"[@doe2020; @lee2021]"}, {"@kim2018", "(4)!"}},
			dominant: corpus.MarkerKey, brackets: "[]",
		},
		{
			name: "FootnotesAreNeverOutliers",
			texts: []string{
				"Pain fell after surgery (Smith, 2019).[^1]",
				"Jones (2020) agrees.[^2]",
			},
			want:     [][]string{{"(Smith, 2019)", "[^1]"}, {"Jones (2020)", "[^2]"}},
			dominant: corpus.MarkerAuthorYear, brackets: "()",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, st := Analyze(tc.texts, tc.maxNumber)
			if g := markerTexts(got); !sameRows(g, tc.want) {
				t.Errorf("markers:\n got  %q\n want %q", g, tc.want)
			}
			if st.Dominant != tc.dominant || st.Brackets != tc.brackets {
				t.Errorf("style: got %s %q, want %s %q", st.Dominant, st.Brackets, tc.dominant, tc.brackets)
			}
			n := 0
			for _, row := range got {
				for _, m := range row {
					n++
					if m.Pos != (corpus.Position{}) {
						t.Errorf("marker %q: Pos set to %v, want zero", m.Text, m.Pos)
					}
				}
			}
			total := 0
			for _, c := range st.Counts {
				total += c
			}
			if total != n {
				t.Errorf("Counts add up to %d, want %d markers", total, n)
			}
		})
	}
}

func TestAnalyze_CountsByKind(t *testing.T) {
	_, st := Analyze([]string{
		"It holds [1] and [2].",
		"Smith (2019) agrees.",
		"A note.[^a]",
	}, 0)
	want := map[corpus.MarkerKind]int{corpus.MarkerNumeric: 2, corpus.MarkerAuthorYear: 1, corpus.MarkerFootnote: 1}
	for k, n := range want {
		if st.Counts[k] != n {
			t.Errorf("Counts[%s] = %d, want %d", k, st.Counts[k], n)
		}
	}
	if len(st.Counts) != len(want) {
		t.Errorf("Counts = %v, want %v", st.Counts, want)
	}
}

func TestAnalyze_EmptyArticle(t *testing.T) {
	ms, st := Analyze(nil, 0)
	if len(ms) != 0 || st.Dominant != "" || st.Brackets != "" {
		t.Errorf("Analyze(nil) = %v, %+v; want nothing", ms, st)
	}
}
