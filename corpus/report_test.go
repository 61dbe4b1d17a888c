package corpus

import (
	"bytes"
	"encoding/json"
	"testing"
)

// references[] in JSON lists the link sources after the article's own
// list; reading it back keeps them apart.
func TestReport_LinkSourcesInReferencesJSON(t *testing.T) {
	key := "smith2019"
	r := &Report{References: []ListRef{{Label: "1", Text: "Smith J. Teeth & gums. 2019.", Key: &key}},
		LinkSources: []ListRef{{Label: "L1", Text: "a <study>", URL: "https://doi.org/10.1/x", Cited: true}}}
	data, err := EncodeReport(r)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		References []ListRef `json:"references"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw.References) != 2 || raw.References[1].Label != "L1" || raw.References[1].URL == "" {
		t.Errorf("references[] = %+v, want the list entry then L1", raw.References)
	}
	if !bytes.Contains(data, []byte("a <study>")) || !bytes.Contains(data, []byte("Teeth & gums")) {
		t.Errorf("text escaped: %s", data)
	}
	back, err := DecodeReport(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.References) != 1 || len(back.LinkSources) != 1 || back.LinkSources[0].Label != "L1" {
		t.Errorf("read back: %d references, %d link sources", len(back.References), len(back.LinkSources))
	}
}
