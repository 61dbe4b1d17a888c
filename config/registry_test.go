package config

import (
	"strings"
	"testing"
	"time"
)

func TestRegistrySettings_ReadValidatedAndShownWithoutKeys(t *testing.T) {
	c, err := Load(tree(t, map[string]string{".evident.toml": `root = true
mailto = "desk@example.org"
crossref-url = "http://127.0.0.1:8080/"
pubmed-api-key = "secret123"
cache-days = 10
retraction-cache-days = 2
`}), codes)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Registry.Settings()
	if s.Mailto != "desk@example.org" || s.CrossrefURL != "http://127.0.0.1:8080/" || s.PubMedAPIKey != "secret123" {
		t.Errorf("settings %+v", s)
	}
	if rec, ret := c.Registry.CacheAges(); rec != 10*24*time.Hour || ret != 2*24*time.Hour {
		t.Errorf("ages %v %v", rec, ret)
	}
	for _, st := range c.Settings() {
		if strings.Contains(st.Value, "secret") {
			t.Errorf("%s shows the key: %q", st.Name, st.Value)
		}
		if st.Name == "pubmed-api-key" && st.Value != "(set)" {
			t.Errorf("pubmed-api-key shows %q", st.Value)
		}
	}
}

func TestRegistrySettings_DefaultsAreThirtyAndSevenDays(t *testing.T) {
	c := Defaults()
	if rec, ret := c.Registry.CacheAges(); rec != 30*24*time.Hour || ret != 7*24*time.Hour {
		t.Errorf("ages %v %v", rec, ret)
	}
}

func TestRegistrySettings_BadValuesNameFileAndLine(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`mailto = "not an address"`, "mailto must be an e-mail address"},
		{`crossref-url = "ftp://example.org"`, "crossref-url must be an http or https URL"},
		{`cache-days = -1`, "cache-days must be a whole number of days"},
		{`doi-url = 3`, "doi-url must be a string"},
	} {
		_, err := Load(tree(t, map[string]string{".evident.toml": "root = true\n" + tc.line + "\n"}), codes)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), ".evident.toml:2:") {
			t.Errorf("%s: %v, want %q at line 2", tc.line, err, tc.want)
		}
	}
}
