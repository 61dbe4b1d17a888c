package registry

import (
	"fmt"
	"os"
	"strings"
)

// Settings say where the registries are and who asks them. Base URLs come
// from the settings file and from the environment, so tests and users
// behind proxies can point them elsewhere.
type Settings struct {
	// Mailto is the address sent to Crossref (the polite pool), PubMed
	// (email) and OpenAlex, so an operator can write before blocking.
	Mailto string
	// CrossrefURL is the REST API root (…/works/{doi} is appended).
	CrossrefURL string
	// DOIURL is the DOI resolver root; a DOI is appended as a path.
	DOIURL string
	// PubMedURL is the E-utilities root (…/efetch.fcgi is appended).
	PubMedURL string
	// PMCIDConverterURL is the PMC ID converter's endpoint.
	PMCIDConverterURL string
	// PMCURL is the E-utilities root PubMed Central's full text is
	// fetched from (…/efetch.fcgi?db=pmc is appended): PubMed's by
	// default, apart so that a test or a mirror can serve PMC alone.
	PMCURL string
	// OpenAlexURL is the API root (…/works/doi:… is appended).
	OpenAlexURL string
	// PubMedAPIKey raises PubMed's limit from 3 to 10 requests a second.
	PubMedAPIKey string
	// OpenAlexAPIKey is sent as api_key.
	OpenAlexAPIKey string
}

// The public services.
const (
	DefaultCrossrefURL       = "https://api.crossref.org"
	DefaultDOIURL            = "https://doi.org"
	DefaultPubMedURL         = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
	DefaultPMCIDConverterURL = "https://www.ncbi.nlm.nih.gov/pmc/utils/idconv/v1.0/"
	DefaultPMCURL            = DefaultPubMedURL
	DefaultOpenAlexURL       = "https://api.openalex.org"
)

// The environment variables that override the settings.
const (
	EnvMailto      = "EVIDENT_MAILTO"
	EnvCrossrefURL = "EVIDENT_CROSSREF_URL"
	EnvDOIURL      = "EVIDENT_DOI_URL"
	EnvPubMedURL   = "EVIDENT_PUBMED_URL"
	EnvOpenAlexURL = "EVIDENT_OPENALEX_URL"
	EnvPMCIDURL    = "EVIDENT_PMCID_URL"
	EnvPMCURL      = "EVIDENT_PMC_URL"
)

// WithEnv returns s with the environment's values over it (getenv is
// os.Getenv outside tests) and the public services where nothing is set.
// A base URL that is not http or https is an error naming its source.
func (s Settings) WithEnv(getenv func(string) string) (Settings, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, v := range []struct {
		env  string
		dst  *string
		def  string
		base bool
	}{
		{EnvMailto, &s.Mailto, "", false},
		{EnvCrossrefURL, &s.CrossrefURL, DefaultCrossrefURL, true},
		{EnvDOIURL, &s.DOIURL, DefaultDOIURL, true},
		{EnvPubMedURL, &s.PubMedURL, DefaultPubMedURL, true},
		{EnvOpenAlexURL, &s.OpenAlexURL, DefaultOpenAlexURL, true},
		{EnvPMCIDURL, &s.PMCIDConverterURL, DefaultPMCIDConverterURL, true},
		{EnvPMCURL, &s.PMCURL, DefaultPMCURL, true},
	} {
		from := "setting"
		if e := strings.TrimSpace(getenv(v.env)); e != "" {
			*v.dst, from = e, v.env
		}
		if *v.dst == "" {
			*v.dst = v.def
			continue
		}
		if v.base {
			if !strings.HasPrefix(*v.dst, "http://") && !strings.HasPrefix(*v.dst, "https://") {
				return s, fmt.Errorf("%s: %q is not an http or https URL", from, *v.dst)
			}
			*v.dst = strings.TrimRight(*v.dst, "/")
		}
	}
	return s, nil
}

// UserAgent names evident, its version and the mailto, as Crossref's
// etiquette asks.
func UserAgent(version, mailto string) string {
	ua := "evident/" + version + " (https://github.com/evident-tools/evident"
	if mailto != "" {
		ua += "; mailto:" + mailto
	}
	return ua + ")"
}
