package corpus

import (
	"strings"
	"testing"
	"unicode"
)

func TestNormalizeTitle_FoldsCaseAccentsAndPunctuation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Attention Is All You Need", "attention is all you need"},
		{"  Attention   is all\tyou\nneed.  ", "attention is all you need"},
		{"Attention is all you need!", "attention is all you need"},
		{"Deep learning: a critical appraisal", "deep learning a critical appraisal"},
		{"Über die Elektrodynamik bewegter Körper", "uber die elektrodynamik bewegter korper"},
		{"U\u0308ber", "uber"}, // decomposed umlaut
		{"Économie et société", "economie et societe"},
		{"Straße und Strasse", "strasse und strasse"},
		{"Søren Kierkegaard’s Œuvre", "soren kierkegaard s oeuvre"},
		{"Łódź", "lodz"},
		{"ﬁnite ﬁelds", "finite fields"}, // ligatures
		{"Ｆｕｌｌｗｉｄｔｈ", "fullwidth"},
		{"CO₂ emissions in 2019–2020", "co2 emissions in 2019 2020"},
		{"Self-driving cars—a review", "self driving cars a review"},
		{"“Quoted” «titles» and ‘more’", "quoted titles and more"},
		{"Ελληνικά Κείμενα", "ελληνικα κειμενα"},
		{"Русский текст", "русскии текст"}, // й decomposes to и and a breve
		{"中文标题：研究", "中文标题 研究"},
		{"हिन्दी", "हिनदी"}, // the virama is a combining mark
		{"", ""},
		{"...", ""},
		{"Caf\xf7é \xf7Ǭ", "caf e o"}, // an invalid byte separates; what follows still folds
	}
	for _, tt := range tests {
		if got := NormalizeTitle(tt.in); got != tt.want {
			t.Errorf("NormalizeTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeTitle_VariantsOfOneTitleAreEqual(t *testing.T) {
	variants := []string{
		"Die Schöne Müllerin: Ein Liederzyklus",
		"Die schöne Müllerin — ein Liederzyklus",
		"DIE SCHONE MULLERIN. EIN LIEDERZYKLUS",
		"Die Scho\u0308ne Mu\u0308llerin (ein Liederzyklus)",
	}
	want := NormalizeTitle(variants[0])
	for _, v := range variants[1:] {
		if got := NormalizeTitle(v); got != want {
			t.Errorf("NormalizeTitle(%q) = %q, want %q like %q", v, got, want, variants[0])
		}
	}
}

func TestFingerprint_JoinsTitleYearAndFirstFamilyName(t *testing.T) {
	tests := []struct {
		name string
		ref  *Reference
		want string
	}{
		{
			name: "author",
			ref: &Reference{
				Title:   "Attention Is All You Need",
				Year:    2017,
				Authors: []Name{{First: "Ashish", Last: "Vaswani"}, {First: "Noam", Last: "Shazeer"}},
			},
			want: "attention is all you need|2017|vaswani",
		},
		{
			name: "particle and accent",
			ref: &Reference{
				Title:   "Über Strömungen",
				Year:    1904,
				Authors: []Name{{First: "Jan", Von: "van der", Last: "Wäls"}},
			},
			want: "uber stromungen|1904|van der wals",
		},
		{
			name: "organisation",
			ref: &Reference{
				Title:   "World Health Statistics 2020",
				Year:    2020,
				Authors: []Name{{Literal: "World Health Organization"}},
			},
			want: "world health statistics 2020|2020|world health organization",
		},
		{
			name: "editor when no author",
			ref: &Reference{
				Title:   "Handbook of Metaheuristics",
				Year:    2010,
				Editors: []Name{{First: "Michel", Last: "Gendreau"}},
			},
			want: "handbook of metaheuristics|2010|gendreau",
		},
		{
			name: "author preferred to editor",
			ref: &Reference{
				Title:   "A chapter",
				Authors: []Name{{Last: "Author"}},
				Editors: []Name{{Last: "Editor"}},
			},
			want: "a chapter||author",
		},
		{
			name: "no year, no name",
			ref:  &Reference{Title: "Anonymous pamphlet"},
			want: "anonymous pamphlet||",
		},
		{
			name: "empty family",
			ref:  &Reference{Title: "Title", Year: 2001, Authors: []Name{{First: "Madonna"}}},
			want: "title|2001|",
		},
		{
			name: "no title",
			ref:  &Reference{Year: 2019, Authors: []Name{{Last: "Smith"}}},
			want: "",
		},
		{
			name: "title of punctuation only",
			ref:  &Reference{Title: "?!", Year: 2019},
			want: "",
		},
		{
			name: "nil",
			ref:  nil,
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fingerprint(tt.ref); got != tt.want {
				t.Errorf("Fingerprint() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFingerprint_DuplicatesWrittenDifferentlyMatch(t *testing.T) {
	a := &Reference{
		Title:   "Mastering the game of Go with deep neural networks and tree search",
		Year:    2016,
		Authors: []Name{{First: "David", Last: "Silver"}},
	}
	b := &Reference{
		Title:   "Mastering the Game of Go with Deep Neural Networks and Tree Search.",
		Year:    2016,
		Authors: []Name{{First: "D.", Last: "Silver"}, {First: "A.", Last: "Huang"}},
	}
	other := &Reference{
		Title:   "Mastering the game of Go without human knowledge",
		Year:    2017,
		Authors: []Name{{First: "David", Last: "Silver"}},
	}
	if Fingerprint(a) != Fingerprint(b) {
		t.Errorf("same work: %q != %q", Fingerprint(a), Fingerprint(b))
	}
	if Fingerprint(a) == Fingerprint(other) {
		t.Errorf("different works share fingerprint %q", Fingerprint(a))
	}
}

func FuzzNormalizeTitle(f *testing.F) {
	for _, s := range []string{"Attention Is All You Need", "Über Straße", "ﬁ ᴬ ǅ İ K", "हिन्दी", "", "\xff"} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "title")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeTitle(s)
		if again := NormalizeTitle(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("NormalizeTitle(%q) = %q: spaces not collapsed", s, got)
		}
		for _, r := range got {
			if r != ' ' && (unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.Mn, r)) {
				t.Fatalf("NormalizeTitle(%q) = %q: keeps %q", s, got, r)
			}
		}
	})
}

func BenchmarkFingerprint(b *testing.B) {
	refs := []*Reference{
		{
			Title:   "Attention Is All You Need",
			Year:    2017,
			Authors: []Name{{First: "Ashish", Last: "Vaswani"}},
		},
		{
			Title:   "Über die Elektrodynamik bewegter Körper",
			Year:    1905,
			Authors: []Name{{First: "Albert", Last: "Einstein"}},
		},
		{
			Title:   "Opportunities and obstacles for deep learning in biology and medicine",
			Year:    2018,
			Authors: []Name{{First: "Travers", Last: "Ching"}},
		},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkString = Fingerprint(refs[i%len(refs)])
	}
}
