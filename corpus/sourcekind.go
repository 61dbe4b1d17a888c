package corpus

import "strings"

// The kinds of source SourceKind tells apart. The values are written into
// JSON reports and are a contract.
const (
	SourceScholarly = "scholarly" // the link carries a DOI, PMID, PMCID, arXiv identifier or ISBN
	SourceReport    = "report"    // government, intergovernmental, university or NGO page
	SourceNews      = "news"      // a news outlet
	SourceOther     = "other"
)

// SourceKind tells what kind of source the hyperlink href is, given ids,
// what LinkIdentifiers found in it: SourceScholarly when ids holds an
// identifier, else SourceReport or SourceNews by the host (see sourceHosts),
// else SourceOther.
func SourceKind(href string, ids LinkIDs) string {
	if ids.HasIdentifier() {
		return SourceScholarly
	}
	key := ids.URL
	if key == "" {
		found, ok := LinkIdentifiers(href)
		if !ok {
			return SourceOther
		}
		if found.HasIdentifier() {
			return SourceScholarly
		}
		key = found.URL
	}
	host := key
	if i := strings.IndexAny(host, "/?"); i >= 0 {
		host = host[:i]
	}
	if !strings.HasPrefix(host, "[") {
		host, _, _ = strings.Cut(host, ":")
	}
	kind := hostKind(strings.ToLower(host))
	if kind == SourceOther && newsPath(key[len(host):]) {
		kind = SourceNews
	}
	return kind
}

// newsPath reports whether a URL key's path puts the page in a news
// section ("/news/…", "/health-news/…") of a site the lists do not know:
// a trade publication's or a company's story, which reports a study rather
// than being it.
func newsPath(path string) bool {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	// The last segment is the page itself ("news-and-views" pages of a
	// journal have an identifier and never get here).
	for _, seg := range segs[:max(0, len(segs)-1)] {
		seg = strings.ToLower(seg)
		if seg == "news" || strings.HasSuffix(seg, "-news") || strings.HasPrefix(seg, "news-") {
			return true
		}
	}
	return false
}

// hostKind returns the kind of source of a host by its longest listed
// domain suffix, then by the public-sector second-level domains of country
// codes (ac.jp, gov.au, edu.cn).
func hostKind(host string) string {
	for h := host; h != ""; {
		if kind, ok := sourceHosts[h]; ok {
			return kind
		}
		_, h, _ = strings.Cut(h, ".")
	}
	labels := strings.Split(host, ".")
	if n := len(labels); n >= 3 && len(labels[n-1]) == 2 && publicSecondLevel[labels[n-2]] {
		return SourceReport
	}
	if newsName(labels) {
		return SourceNews
	}
	return SourceOther
}

// newsWords end the names newspapers give their sites across the English-
// speaking world (hindustantimes, nationalpost, miamiherald,
// startribune): a host whose registered name ends in one, or that has a
// "news" label or name, is a news outlet the list does not hold. Read
// only.
var newsWords = []string{"times", "post", "herald", "tribune", "gazette", "chronicle", "observer", "telegraph", "courier", "inquirer", "examiner", "dispatch", "newspaper"}

// newsName reports whether a host's labels name a news outlet: a "news"
// subdomain, or a registered name (the label before the public suffix)
// holding "news" or ending in a newspaper word.
func newsName(labels []string) bool {
	n := len(labels)
	if n < 2 {
		return false
	}
	name := labels[n-2]
	if n >= 3 && len(labels[n-1]) == 2 && len(name) <= 3 {
		name = labels[n-3] // bbc.co.uk, smh.com.au
	}
	for _, l := range labels[:n-1] {
		if l == "news" {
			return true
		}
	}
	if strings.Contains(name, "news") {
		return true
	}
	for _, w := range newsWords {
		if strings.HasSuffix(name, w) && len(name) > len(w) {
			return true
		}
	}
	return false
}

// sourceHosts maps a domain, and with it its subdomains, to its kind of
// source. The lists are general knowledge, not taken from any source: the
// public-sector top and second-level domains, the major intergovernmental
// bodies, non-governmental organisations and think tanks that publish
// reports and data, and the major news outlets in English, French, German
// and a few other languages. Scholarly publishers are not here: a link to
// one is scholarly by the identifier it carries, and other by default.
// Read only.
var sourceHosts = map[string]string{
	// Governments and universities.
	"gov": SourceReport, "mil": SourceReport, "edu": SourceReport, "int": SourceReport,
	"gov.uk": SourceReport, "nhs.uk": SourceReport, "ac.uk": SourceReport, "gc.ca": SourceReport,
	"gouv.fr": SourceReport, "europa.eu": SourceReport, "bund.de": SourceReport, "admin.ch": SourceReport,
	"govt.nz": SourceReport, "gov.au": SourceReport,

	// Intergovernmental bodies.
	"who.int": SourceReport, "un.org": SourceReport, "worldbank.org": SourceReport, "oecd.org": SourceReport,
	"imf.org": SourceReport, "unicef.org": SourceReport, "unhcr.org": SourceReport, "unesco.org": SourceReport,
	"undp.org": SourceReport, "unep.org": SourceReport, "unaids.org": SourceReport, "unfpa.org": SourceReport,
	"ohchr.org": SourceReport, "wfp.org": SourceReport, "fao.org": SourceReport, "ilo.org": SourceReport,
	"wto.org": SourceReport, "iaea.org": SourceReport, "ipcc.ch": SourceReport, "paho.org": SourceReport,
	"iea.org": SourceReport, "irena.org": SourceReport, "bis.org": SourceReport, "gavi.org": SourceReport,
	"theglobalfund.org": SourceReport, "iom.int": SourceReport,

	// Non-governmental organisations, foundations and think tanks.
	"pewresearch.org": SourceReport, "kff.org": SourceReport, "cochrane.org": SourceReport,
	"cochranelibrary.com": SourceReport, "amnesty.org": SourceReport, "hrw.org": SourceReport,
	"rand.org": SourceReport, "brookings.edu": SourceReport, "urban.org": SourceReport,
	"cbpp.org": SourceReport, "cfr.org": SourceReport, "csis.org": SourceReport,
	"carnegieendowment.org": SourceReport, "chathamhouse.org": SourceReport, "heritage.org": SourceReport,
	"cato.org": SourceReport, "aei.org": SourceReport, "epi.org": SourceReport,
	"americanprogress.org": SourceReport, "commonwealthfund.org": SourceReport, "guttmacher.org": SourceReport,
	"ifs.org.uk": SourceReport, "kingsfund.org.uk": SourceReport, "nuffieldtrust.org.uk": SourceReport,
	"oxfam.org": SourceReport, "msf.org": SourceReport, "icrc.org": SourceReport, "redcross.org": SourceReport,
	"transparency.org": SourceReport, "greenpeace.org": SourceReport, "wri.org": SourceReport,
	"wwf.org": SourceReport, "gatesfoundation.org": SourceReport, "wellcome.org": SourceReport,
	"healthdata.org": SourceReport, "ourworldindata.org": SourceReport, "sipri.org": SourceReport,
	"acleddata.com": SourceReport, "cgdev.org": SourceReport, "odi.org": SourceReport,
	"bruegel.org": SourceReport, "piie.com": SourceReport, "nber.org": SourceReport,

	// News outlets.
	"nytimes.com": SourceNews, "washingtonpost.com": SourceNews, "theguardian.com": SourceNews,
	"guardian.co.uk": SourceNews, "bbc.co.uk": SourceNews, "bbc.com": SourceNews, "reuters.com": SourceNews,
	"apnews.com": SourceNews, "cnn.com": SourceNews, "npr.org": SourceNews, "wsj.com": SourceNews,
	"ft.com": SourceNews, "bloomberg.com": SourceNews, "economist.com": SourceNews, "statnews.com": SourceNews,
	"theatlantic.com": SourceNews, "newyorker.com": SourceNews, "latimes.com": SourceNews,
	"usatoday.com": SourceNews, "nbcnews.com": SourceNews, "cbsnews.com": SourceNews,
	"abcnews.go.com": SourceNews, "foxnews.com": SourceNews, "politico.com": SourceNews,
	"politico.eu": SourceNews, "axios.com": SourceNews, "vox.com": SourceNews, "time.com": SourceNews,
	"newsweek.com": SourceNews, "forbes.com": SourceNews, "businessinsider.com": SourceNews,
	"huffpost.com": SourceNews, "propublica.org": SourceNews, "theverge.com": SourceNews,
	"wired.com": SourceNews, "arstechnica.com": SourceNews, "scientificamerican.com": SourceNews,
	"newscientist.com": SourceNews, "sciencenews.org": SourceNews, "slate.com": SourceNews,
	"thehill.com": SourceNews, "pbs.org": SourceNews, "bostonglobe.com": SourceNews,
	"chicagotribune.com": SourceNews, "csmonitor.com": SourceNews, "independent.co.uk": SourceNews,
	"telegraph.co.uk": SourceNews, "thetimes.co.uk": SourceNews, "dailymail.co.uk": SourceNews,
	"news.sky.com": SourceNews, "aljazeera.com": SourceNews, "dw.com": SourceNews, "france24.com": SourceNews,
	"euronews.com": SourceNews, "afp.com": SourceNews, "lemonde.fr": SourceNews, "lefigaro.fr": SourceNews,
	"liberation.fr": SourceNews, "spiegel.de": SourceNews, "zeit.de": SourceNews, "faz.net": SourceNews,
	"sueddeutsche.de": SourceNews, "nzz.ch": SourceNews, "elpais.com": SourceNews, "corriere.it": SourceNews,
	"repubblica.it": SourceNews, "theglobeandmail.com": SourceNews, "cbc.ca": SourceNews,
	"abc.net.au": SourceNews, "smh.com.au": SourceNews, "scmp.com": SourceNews, "japantimes.co.jp": SourceNews,
	"thehindu.com": SourceNews, "haaretz.com": SourceNews, "theconversation.com": SourceNews,
}

// publicSecondLevel holds the second-level labels under which countries
// register universities and public bodies (ac.jp, gov.in, edu.au, gob.mx,
// go.jp). Read only.
var publicSecondLevel = map[string]bool{
	"ac": true, "edu": true, "gov": true, "govt": true, "gob": true, "go": true, "gouv": true, "gv": true,
}
