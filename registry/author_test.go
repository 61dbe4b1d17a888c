package registry

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestAuthorOf_KeepsParticleWithFamily(t *testing.T) {
	for _, c := range []struct {
		in   corpus.Name
		want Author
	}{
		{corpus.Name{First: "Travers", Last: "Ching"}, Author{Family: "Ching", Given: "Travers"}},
		{corpus.Name{First: "Jan", Von: "van der", Last: "Berg", Jr: "Jr."}, Author{Family: "van der Berg", Given: "Jan Jr."}},
		{corpus.Name{Literal: "World Health Organization"}, Author{Literal: "World Health Organization"}},
	} {
		if got := AuthorOf(c.in); got != c.want {
			t.Errorf("AuthorOf(%+v) = %+v, want %+v", c.in, got, c.want)
		}
	}
}
