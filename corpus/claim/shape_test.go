package claim

import (
	"testing"
)

func TestShapeInputs_ReadHowASentenceIsPut(t *testing.T) {
	names := map[int]string{sModal: "modal", sNegation: "negation", sGeneric: "generic", sOpener: "opener",
		sStudyCue: "study", sPast: "past", sPronoun: "pronoun", sWhether: "whether", sGap: "gap", sAnswer: "answer"}
	for _, c := range []struct {
		text string
		want []int
	}{
		{"A 2019 trial found that the drug lowered blood pressure.", []int{sStudyCue, sPast}},
		{"In one study, nurses who napped recalled more words.", []int{sStudyCue, sPast}},
		{"Studies of sleep are common.", nil},
		{"Magnesium may matter most for people who are low in it.", []int{sModal}},
		{"Magnesium won't fix a bad sleep routine.", []int{sNegation}},
		{"People who walk to work tend to be happier.", []int{sGeneric}},
		{"But there is a twist.", []int{sOpener}},
		{"It takes fifty minutes.", []int{sPronoun}},
		{"Whether it prevents strokes is less certain.", []int{sWhether, sGap}},
		{"Whether it prevents strokes?", nil},
		{"Whether a short nap helps nurses has not been tested.", []int{sWhether, sGap, sNegation, sPast}},
		{"Yes, for particles.", []int{sAnswer}},
		{"Sunscreen protects the skin.", nil},
	} {
		var sc scan
		sc.clean(c.text)
		sc.toks = tokenize(sc.low, sc.orig, nil)
		got := map[int]bool{}
		sc.shapeInputs(context{}, 0, func(k int, _ float64) { got[k] = true })
		want := map[int]bool{}
		for _, k := range c.want {
			want[k] = true
		}
		for k, name := range names {
			if got[k] != want[k] {
				t.Errorf("%q: %s %v, want %v", c.text, name, got[k], want[k])
			}
		}
	}
}
