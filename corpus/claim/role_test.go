package claim

import (
	"slices"
	"strings"
	"testing"
)

// roleOf returns the role inputs (offsets from inRole) that sentence i of
// the layout fires.
func roleOf(l *Layout, i int) []int {
	var got []int
	l.Inputs(i, func(k int, _ float64) {
		if InputGroup(k) == GroupRole {
			got = append(got, k-inRole)
		}
	})
	return got
}

func TestRoleInputs_TellASentenceThatAnnouncesTheCitedOneAfterIt(t *testing.T) {
	sentences := sentencesOf(
		"The LEAP trial then tested the idea directly.", // 0
		"In the LEAP trial, 640 infants at high risk were given peanut or kept from it until the age of five, and far fewer of those given it became allergic.", // 1
		"Winters are long here.", // 2
		"Allergy doubled.",       // 3
	)
	l := NewLayout(sentences)
	l.SetCited(func(i int) bool { return i == 1 || i == 3 })
	for _, c := range []struct {
		i          int
		want, none []int
	}{
		{0, []int{rAnnounce, rShortBefore, rThenBefore}, nil},
		// The next sentence is cited but shares no word and is no
		// longer: nothing is announced.
		{2, nil, []int{rAnnounce, rShortBefore, rThenBefore}},
		// A cited sentence announces nothing.
		{1, nil, []int{rAnnounce, rShortBefore, rThenBefore}},
	} {
		got := roleOf(l, c.i)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("sentence %d %q: role inputs %v, want %d among them", c.i, sentences[c.i].Text, got, w)
			}
		}
		for _, n := range c.none {
			if slices.Contains(got, n) {
				t.Errorf("sentence %d %q: role inputs %v, want no %d", c.i, sentences[c.i].Text, got, n)
			}
		}
	}
}

func TestRoleInputs_TellQuotesTestimonialsStoriesAndVerdicts(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
		on   bool
	}{
		{"\u201cI take two every morning and my bloating is GONE.\u201d", rQuoteOpen, true},
		{"\u201cI take two every morning and my bloating is GONE.\u201d", rQuotedSelf, true},
		{"My bloating is gone, she said.", rQuotedSelf, false},
		{"She carried it to the hall.", rStoryPerson, true},
		{"Overall, the evidence is promising but thin.", rEvidenceTalk, true},
		{"The trial enrolled 640 infants.", rEvidenceTalk, false},
	} {
		l := NewLayout(sentencesOf(c.text))
		if got := slices.Contains(roleOf(l, 0), c.want); got != c.on {
			t.Errorf("%q: input %d %v, want %v", c.text, c.want, got, c.on)
		}
	}
}

func TestRoleInputs_ReadAStoryInAnArticleToldInThePast(t *testing.T) {
	l := NewLayout(sentencesOf(
		"The toaster had stopped toasting on one side.",
		"It was eleven years old.",
		"One of the elements had a broken connection.",
		"Repair cafes now meet in many towns.",
	))
	if l.pastShare != 0.75 {
		t.Fatalf("past share %v, want 0.75", l.pastShare)
	}
	var share float64
	l.Inputs(0, func(k int, v float64) {
		if k == inRole+rStoryShare {
			share = v
		}
	})
	if share != 0.75 {
		t.Errorf("story share input %v, want 0.75", share)
	}
}

func TestWordCount_CountsAsFieldsDoes(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " two  words ", "tab\tand\u00a0nbsp\nline", "“Quoted,” she said."} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}
