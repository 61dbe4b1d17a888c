// Package evidence reads what a cited work says about the claim that cites
// it: the work's text split into passages (sentences of its abstract or
// full text), the passages that bear on a claim best (BM25), the features a
// careful reader checks (numbers, direction, negation, population, study
// design) and a verdict. It reads no file itself: attached files come
// through an Opener the caller gives, and it prints nothing.
//
// English first: the word lists (stop words, direction, negation,
// population, design, causal words) are English. Text in another language
// still gets passages ranked by shared words and numbers, so a verdict of
// supports, related or unrelated, but no direction or negation, so never
// contradicts but on a number, and never overstated.
package evidence
