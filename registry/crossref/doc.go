// Package crossref asks Crossref's REST API what it holds about a work: a
// record by DOI (/works/{doi}) and the best candidates for a reference as
// written (/works?query.bibliographic=…). It parses what Crossref answers
// into registry.Record and judges nothing: whether a candidate is the cited
// work is package verify's decision.
//
// # Why every request carries mailto
//
// Crossref serves anonymous requests from its public pool and requests that
// say who sends them (a mailto query parameter, repeated in the
// User-Agent) from a separate "polite" pool. Identified traffic is kept apart
// from anonymous scrapers, so it is not slowed by them, and when a client
// misbehaves Crossref can write to its operator instead of blocking its
// address, which would leave every user behind the same address with
// "unknown" verdicts. So the mailto setting (EVIDENT_MAILTO) is sent with
// each request when it is set. Either pool announces its pace in
// x-rate-limit-limit / x-rate-limit-interval and its concurrency in
// x-concurrency-limit; registry.Client keeps to the announced pace and
// sends one request at a time, whatever the pool.
//
// # What a response means
//
//   - 200 with a JSON work: a record.
//   - 404 with Crossref's plain-text body "Resource not found.": the
//     authoritative "no such DOI at Crossref" (registry.ErrNotFound). The
//     DOI may still be registered with another agency (DataCite, mEDRA…),
//     which is doi.org's to say.
//   - Anything else, including a 404 with another body (a proxy's page, a
//     mistyped base URL) and a 200 that is not a Crossref record (an HTML
//     error page, truncated JSON): *registry.Unavailable, a verdict of
//     "unknown", never "not found".
package crossref
