package corpus

// The one meaning of "supported", which the check applies and every
// format reports as it is (text, JSON, Markdown, HTML, SARIF, the
// summary counts):
//
//   - A citation counts (CitationStatus.Counts) when it points at a
//     source: a library reference (resolved), an entry of the article's
//     own reference list or a footnote that reads as a reference, even
//     one the library lacks (unmatched, reported once on the entry as
//     unmatched-reference), or a link to a source outside the
//     publication (external). A citation that points nowhere (dangling)
//     does not; nor does a footnote that is a remark, which cites
//     nothing.
//   - A claim is supported when a citation that counts covers it: its
//     own, a later one of its paragraph under --scope paragraph, or,
//     for a sentence that plainly continues the one before it in its
//     paragraph ("They found…", "The study also…"), that sentence's.
//   - Whether the source is good evidence (weak support, a retracted
//     work, a home page, a news story) is a finding on the supported
//     claim, shown beside it, and does not change its status.

// HasSource reports whether one of the claim's own citations counts as
// a source for it.
func (c *Claim) HasSource() bool {
	for _, l := range c.Citations {
		if l.Status.Counts() {
			return true
		}
	}
	return false
}
