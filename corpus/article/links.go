package article

import (
	"net/url"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// A link in an article's body that points at a source outside the
// publication cites that source (the checker makes it a citation of the
// sentence holding it). Readers record every link with where it was found;
// classifyLinks then decides, by its address and text, which are no
// citation at all. Which words and hosts mark a link as chrome is
// judgement written by hand: no library knows it.

// shareHosts are hosts (with a path prefix) of share and social buttons.
var shareHosts = []string{
	"facebook.com/sharer", "facebook.com/share", "m.facebook.com/sharer", "twitter.com/intent", "twitter.com/share",
	"x.com/intent", "x.com/share", "linkedin.com/sharearticle", "linkedin.com/share", "linkedin.com/cws/share",
	"pinterest.com/pin/create", "api.whatsapp.com/send", "wa.me", "whatsapp.com/send", "reddit.com/submit",
	"t.me/share", "telegram.me/share", "bsky.app/intent", "news.ycombinator.com/submitlink", "getpocket.com/save",
	"tumblr.com/share", "tumblr.com/widgets/share", "mastodonshare.com", "toot.kytta.dev",
}

// socialHosts are profile pages of social networks: "follow us" links.
var socialHosts = []string{"facebook.com", "twitter.com", "x.com", "instagram.com", "tiktok.com", "pinterest.com",
	"threads.net", "bsky.app", "whatsapp.com"}

// subscribeWords in a link's text or path mark a call to subscribe, donate
// or log in.
var subscribeWords = []string{"newsletter", "subscribe", "subscription", "donate", "donation", "sign in", "sign-in",
	"signin", "log in", "log-in", "login", "sign up", "sign-up", "signup", "register", "membership", "support us"}

// authorSegments are path segments of author and staff pages.
var authorSegments = map[string]bool{"author": true, "authors": true, "people": true, "staff": true, "profile": true,
	"profiles": true, "contributor": true, "contributors": true, "journalist": true, "journalists": true}

// classifyLinks gives each link that its reader left a candidate the
// reason it cites nothing, if it has one. site is the publication's own
// domain as the page names it (a canonical address), or "".
func classifyLinks(links []corpus.Link, site string) {
	site = siteHost(site)
	if site == "" {
		site = mostLinkedHost(links)
	}
	classify(links, site)
}

// classifyPaperLinks classifies the links of a paper (LaTeX, JATS): it has
// no site of its own, so none is guessed from where most links point (a
// paper may well link mostly to one agency or archive).
func classifyPaperLinks(links []corpus.Link) { classify(links, "") }

func classify(links []corpus.Link, site string) {
	for i := range links {
		l := &links[i]
		if l.Skipped == corpus.LinkCandidate {
			l.Skipped = linkSkip(l.Href, l.Text, site)
		}
		if h := strings.TrimSpace(l.Href); len(h) >= 11 && strings.EqualFold(h[:11], "javascript:") {
			// A script is no address: reports name the scheme alone.
			l.Href = "javascript:"
		}
	}
}

// linkSkip is the reason a body link with address href and text cites
// nothing, or LinkCandidate.
func linkSkip(href, text, site string) corpus.LinkSkip {
	h := strings.TrimSpace(href)
	lower := strings.ToLower(h)
	switch {
	case h == "":
		return corpus.SkipScheme
	case strings.HasPrefix(h, "#"):
		return corpus.SkipAnchor
	case strings.HasPrefix(lower, "mailto:"), strings.HasPrefix(lower, "tel:"), strings.HasPrefix(lower, "javascript:"),
		strings.HasPrefix(lower, "sms:"), strings.HasPrefix(lower, "data:"):
		return corpus.SkipScheme
	}
	if strings.HasPrefix(lower, "doi:") {
		return corpus.LinkCandidate
	}
	u, err := url.Parse(h)
	if err != nil {
		return corpus.SkipScheme
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return corpus.SkipScheme
	}
	hostPath := host + strings.ToLower(u.EscapedPath())
	for _, s := range shareHosts {
		if strings.HasPrefix(hostPath, s) {
			return corpus.SkipShare
		}
	}
	lt := strings.ToLower(text)
	for _, w := range subscribeWords {
		if strings.Contains(lt, w) || strings.Contains(strings.ToLower(u.Path), strings.ReplaceAll(w, " ", "-")) {
			return corpus.SkipSubscribe
		}
	}
	if host == "" {
		// A relative address: a page of the same site.
		return corpus.SkipSameSite
	}
	if site != "" && (host == site || strings.HasSuffix(host, "."+site)) {
		return corpus.SkipSameSite
	}
	if segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' }); len(segs) <= 1 {
		// A profile on a social network ("follow us"); a post cited as a
		// source has a longer path.
		for _, s := range socialHosts {
			if host == s || strings.HasSuffix(host, "."+s) {
				return corpus.SkipShare
			}
		}
	}
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		if authorSegments[seg] {
			return corpus.SkipAuthor
		}
	}
	return corpus.LinkCandidate
}

// siteHost is the host of a site's address, without "www.".
func siteHost(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// mostLinkedHost is the host that over half of the candidate absolute
// links point at: a page that links mostly to itself names its own site.
// It is "" when no host has that many, or there are fewer than four links.
// A link that carries a scholarly identifier (doi.org, PubMed, arXiv)
// counts for no host: a resolver is never the publication's own site, and
// an article that cites five papers by DOI must not lose them as same-site.
// Nor does a link to a public body's report pages (a government,
// university or intergovernmental site): a health explainer citing the CDC
// three times in five is citing it, and a public body's own pages declare
// their site (canonical, og:url) when they are the page being read.
func mostLinkedHost(links []corpus.Link) string {
	count := map[string]int{}
	n := 0
	for _, l := range links {
		if l.Skipped != corpus.LinkCandidate {
			continue
		}
		h := siteHost(l.Href)
		if h == "" {
			continue
		}
		n++
		if ids, ok := corpus.LinkIdentifiers(l.Href); ok && !ids.HasIdentifier() && corpus.SourceKind(l.Href, ids) != corpus.SourceReport {
			count[h]++
		}
	}
	if n < 4 {
		return ""
	}
	for h, c := range count {
		if 2*c > n {
			return h
		}
	}
	return ""
}

// linkSince fills in the text of a link that its reader wrote into b from
// offset from on, and its position: that of the first character written
// (not of a space left before it). The position is left as it is when the
// link wrote nothing, or b was taken meanwhile.
func linkSince(l *corpus.Link, b *builder, from int) {
	if from > len(b.text) {
		return
	}
	text := b.text[from:]
	for k := range text {
		if text[k] != ' ' {
			l.Pos = b.pos[from+k]
			break
		}
	}
	l.Text = linkText(string(text))
}

// linkText collapses the white space of a link's text.
func linkText(s string) string { return strings.Join(strings.Fields(s), " ") }
