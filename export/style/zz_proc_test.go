package style

import (
	"encoding/json"
	"testing"

	cslp "github.com/evident-tools/evident/csl"
	"github.com/evident-tools/evident/csl/styles"
)

func TestZZProcessorGolden(t *testing.T) {
	items := richItems(t)
	for i := range items {
		items[i] = cslTitles(items[i])
	}
	data, _ := json.Marshal(items)
	pitems, err := cslp.ItemsFromJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	f := &styles.Finder{}
	locs := func(lang string) (*cslp.Locale, error) {
		src, name, err := f.Locale(lang)
		if err != nil || src == nil {
			return nil, err
		}
		return cslp.ParseLocale(src, name)
	}
	total, same := 0, 0
	for _, id := range goldenStyles {
		fs, err := f.Find(id)
		if err != nil {
			t.Fatal(err)
		}
		st, err := cslp.ParseStyle(fs.Data, fs.File)
		if err != nil {
			t.Fatal(err)
		}
		p, err := cslp.New(st, locs, cslp.Options{})
		if err != nil {
			t.Fatal(err)
		}
		es, err := p.Bibliography(pitems)
		if err != nil {
			t.Fatal(err)
		}
		want := goldenEntries(t, id)
		n := 0
		for i, e := range es {
			total++
			if i < len(want) && normalizeSpace(e.Text) == want[i] {
				same++
				n++
				continue
			}
			_, known := knownDifferences[id][e.ID]
			if i < len(want) {
				t.Logf("%s %s known=%v\n got: %s\nwant: %s", id, e.ID, known, normalizeSpace(e.Text), want[i])
			}
		}
		t.Logf("%s: %d/%d (%d golden)", id, n, len(es), len(want))
	}
	t.Logf("total %d/%d", same, total)
}
