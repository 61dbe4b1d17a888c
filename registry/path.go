package registry

import (
	"net/url"
	"strings"
)

// EscapePath writes an identifier (a DOI, "doi:10.1000/x") as a URL path
// for the services that take one there (Crossref's /works/{doi}, the DOI
// resolver, OpenAlex). Its slashes stay, since the services read them as
// part of the DOI; everything else a path segment cannot hold as is (";",
// "(", "<", "#", "?", "%", spaces) is percent-encoded, since DOIs may hold
// any printable character. The semicolon is encoded too, because some
// servers cut a path at it.
func EscapePath(id string) string {
	parts := strings.Split(id, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
