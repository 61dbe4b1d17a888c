package config

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/evident-tools/evident/registry"
)

// The registry settings: where verification asks (base URLs, for proxies
// and tests), who asks (mailto, for Crossref's polite pool and PubMed's
// email), the API keys, and how long answers are kept in the library's
// cache. The environment (EVIDENT_CROSSREF_URL, EVIDENT_MAILTO...) wins
// over them: registry.Settings.WithEnv.
var registryNames = []string{"mailto", "crossref-url", "doi-url", "pubmed-url", "openalex-url",
	"pubmed-api-key", "openalex-api-key", "cache-days", "retraction-cache-days"}

// The cache's built-in ages.
const (
	DefaultCacheDays           = 30
	DefaultRetractionCacheDays = 7
)

// RegistrySettings are the registry settings as the files give them.
type RegistrySettings struct {
	Mailto         string
	CrossrefURL    string
	DOIURL         string
	PubMedURL      string
	OpenAlexURL    string
	PubMedAPIKey   string
	OpenAlexAPIKey string
	// CacheDays is how long a fetched record is reused; RetractionCacheDays
	// how long its retraction status is trusted before it is fetched again.
	CacheDays           int
	RetractionCacheDays int
}

// Settings returns the registry settings as package registry takes them,
// before the environment (WithEnv) and the public services' defaults.
func (r RegistrySettings) Settings() registry.Settings {
	return registry.Settings{
		Mailto: r.Mailto, CrossrefURL: r.CrossrefURL, DOIURL: r.DOIURL, PubMedURL: r.PubMedURL,
		OpenAlexURL: r.OpenAlexURL, PubMedAPIKey: r.PubMedAPIKey, OpenAlexAPIKey: r.OpenAlexAPIKey,
	}
}

// CacheAges returns how long records and their retraction status are
// reused.
func (r RegistrySettings) CacheAges() (records, retractions time.Duration) {
	day := 24 * time.Hour
	return time.Duration(r.CacheDays) * day, time.Duration(r.RetractionCacheDays) * day
}

func (r *RegistrySettings) field(name string) *string {
	switch name {
	case "mailto":
		return &r.Mailto
	case "crossref-url":
		return &r.CrossrefURL
	case "doi-url":
		return &r.DOIURL
	case "pubmed-url":
		return &r.PubMedURL
	case "openalex-url":
		return &r.OpenAlexURL
	case "pubmed-api-key":
		return &r.PubMedAPIKey
	case "openalex-api-key":
		return &r.OpenAlexAPIKey
	}
	return nil
}

func (r *RegistrySettings) set(v value) {
	switch v.name {
	case "cache-days":
		r.CacheDays = int(v.num)
	case "retraction-cache-days":
		r.RetractionCacheDays = int(v.num)
	default:
		if p := r.field(v.name); p != nil {
			*p = v.str
		}
	}
}

// value shows a setting; an API key is shown as set or not, never
// itself, since 'evident config' output gets pasted into bug reports.
func (r RegistrySettings) value(name string) string {
	switch name {
	case "cache-days":
		return strconv.Itoa(r.CacheDays)
	case "retraction-cache-days":
		return strconv.Itoa(r.RetractionCacheDays)
	case "pubmed-api-key", "openalex-api-key":
		if *r.field(name) != "" {
			return "(set)"
		}
		return ""
	}
	if p := r.field(name); p != nil {
		return *p
	}
	return ""
}

// parseRegistryValue checks one registry setting's value.
func parseRegistryValue(name string, raw any) (value, error) {
	v := value{name: name}
	switch name {
	case "cache-days", "retraction-cache-days":
		n, ok := raw.(int64)
		if !ok || n < 0 || n > 3650 {
			return v, fmt.Errorf("%s must be a whole number of days from 0 (always ask again) to 3650, not %s", name, show(raw))
		}
		v.num = float64(n)
		return v, nil
	}
	s, ok := raw.(string)
	if !ok {
		return v, fmt.Errorf("%s must be a string", name)
	}
	s = strings.TrimSpace(s)
	switch name {
	case "mailto":
		if s != "" && (!strings.Contains(s, "@") || strings.ContainsAny(s, " <>()")) {
			return v, fmt.Errorf("mailto must be an e-mail address (name@example.org), not %q", s)
		}
	case "crossref-url", "doi-url", "pubmed-url", "openalex-url":
		u, err := url.Parse(s)
		if s != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
			return v, fmt.Errorf("%s must be an http or https URL, not %q", name, s)
		}
	}
	v.str = s
	return v, nil
}
