// Package pubmed reads PubMed's MEDLINE text (.nbib) and its XML (an efetch
// PubmedArticleSet) into articles and library references with BibTeX fields.
// It reads bytes it is given; it must not fetch anything from PubMed.
package pubmed
