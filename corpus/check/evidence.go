package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
)

// The findings of the evidence stage. They take the place of weak-support,
// which compared claims with titles by shared words; weak-support stays a
// name for unsupported-by-source in settings and evident:ignore comments
// (see CodeAliases).
const (
	// CodeUnsupportedBySource: the cited work's text does not bear on the
	// claim (a wrong or padded citation).
	CodeUnsupportedBySource = "unsupported-by-source"
	// CodeContradictedBySource: a passage of the cited work states the
	// opposite direction, no effect, or another number.
	CodeContradictedBySource = "contradicted-by-source"
	// CodeOverstated: a causal or certain claim ("causes", "prevents")
	// cites only observational, animal, in-vitro or case-report evidence.
	CodeOverstated = "overstated"
	// CodeNoSourceText: the library holds only the title of a cited work,
	// so its claims were not checked against it (once per work).
	CodeNoSourceText = "no-source-text"
)

var evidenceSeverity = map[string]corpus.Severity{
	CodeUnsupportedBySource:  corpus.Warning,
	CodeContradictedBySource: corpus.Warning,
	CodeOverstated:           corpus.Warning,
	CodeNoSourceText:         corpus.Info,
}

// AliasWeakSupport is the code of the old check that compared claims with
// titles by shared words. Nothing reports it any more; it is only accepted
// as a name for unsupported-by-source (CodeAliases).
const AliasWeakSupport = "weak-support"

// CodeAliases maps an old finding code to the codes that replaced it, so
// that .evident.toml files and evident:ignore comments written for it
// keep working.
var CodeAliases = map[string][]string{
	AliasWeakSupport: {CodeUnsupportedBySource},
}

// KnownCodes lists every finding code and every alias, for settings.
func KnownCodes() []string {
	codes := Codes()
	for a := range CodeAliases {
		codes = append(codes, a)
	}
	sort.Strings(codes)
	return codes
}

// Evidence configures the evidence stage (Options.Evidence).
type Evidence struct {
	// Open reads the files attached to a reference (its file field); nil
	// reads none, and only the abstract counts.
	Open evidence.Opener
	// Thresholds, when set, replace evidence.DefaultThresholds.
	Thresholds *evidence.Thresholds
	// Registry, when set, gives what a registry's record says of a cited
	// work that has no abstract of its own: the records verification
	// fetched into the library's cache (pipeline wires it, so that this
	// package knows nothing of the cache). nil reads the references alone.
	// It serves the works Text does not give.
	Registry func(r *corpus.Reference) (RegistryText, bool)
	// Text, when set, gives the text of a cited work as the library keeps
	// it (split once, when the work was stored, with what verification
	// fetched): such a work is neither read nor split again. A work it
	// does not give (not in the library: a Word field's embedded item, a
	// --bib check) is read with Open and Registry.
	Text func(r *corpus.Reference) (evidence.Text, bool)
}

// RegistryText is the abstract a registry's record gives a work, with
// the record's publication types (PubMed's "Randomized Controlled
// Trial"), which tell the work's study design.
type RegistryText struct {
	// Registry names the registry for the report: "crossref", "pubmed".
	Registry string
	// Abstract is the record's abstract, plain text or JATS markup.
	Abstract string
	// FullText is the work's open-access full text (PubMed Central's),
	// a paragraph a line; its sentences follow the abstract's as
	// passages of source "fulltext".
	FullText string
	// FullTextFrom names the registry of the full text: "pmc".
	FullTextFrom string
	PubTypes     []string
}

// evidenceStage judges the claims' citations against the text of the
// works they cite.
type evidenceStage struct {
	judge  *evidence.Judge
	noText map[string]bool // works already reported as no-source-text
	// registry names the registry whose abstract stood in for a work's
	// own, by key.
	registry map[string]string
}

// newEvidence reads the text of every cited work. What could not be read
// goes to the report's notes, PDFs counted once.
func (rep *state) newEvidence(cfg *Evidence) *evidenceStage {
	cited := rep.citedRefs()
	if len(cited) == 0 {
		return nil
	}
	texts := make([]evidence.Text, 0, len(cited))
	var unread []*corpus.Reference
	var problems []string
	from := map[string]string{}
	for _, r := range cited {
		t, ok := evidence.Text{}, false
		if cfg.Text != nil {
			t, ok = cfg.Text(r)
		}
		if !ok {
			unread = append(unread, r)
			continue
		}
		texts = append(texts, t)
		for _, p := range t.Problems {
			problems = append(problems, r.Key+": "+p)
		}
		if t.AbstractFrom != "" {
			from[r.Key] = t.AbstractFrom
		}
	}
	unread, read, full := withRegistryText(unread, cfg.Registry)
	for k, reg := range read {
		from[k] = reg
	}
	for _, r := range unread {
		t := evidence.ReadText(r, cfg.Open)
		for _, p := range t.Problems {
			problems = append(problems, r.Key+": "+p)
		}
		if ft := full[r.Key]; ft != "" {
			t.AddFullText(ft)
		}
		texts = append(texts, t)
	}
	j := evidence.New(texts)
	if cfg.Thresholds != nil {
		j.T = *cfg.Thresholds
	}
	pdfs := 0
	for _, p := range problems {
		if strings.Contains(p, "PDF text is not read") {
			pdfs++
			continue
		}
		rep.Notes = append(rep.Notes, "evidence: "+p)
	}
	if pdfs > 0 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("evidence: %d attached PDF file(s) not read (PDF text is not read; the abstract and HTML, text or JATS files are)", pdfs))
	}
	return &evidenceStage{judge: j, noText: map[string]bool{}, registry: from}
}

// withRegistryText gives each cited work that has no abstract of its own
// the abstract of its registry record, when lookup has one, on a copy:
// the library's reference is left as it is. from names the registry of
// each work given one; full holds the registry's full text of each work
// it has one of, whether or not the work has its own abstract.
func withRegistryText(refs []*corpus.Reference, lookup func(*corpus.Reference) (RegistryText, bool)) (out []*corpus.Reference, from, full map[string]string) {
	if lookup == nil {
		return refs, nil, nil
	}
	out = make([]*corpus.Reference, len(refs))
	for i, r := range refs {
		out[i] = r
		rt, ok := lookup(r)
		if !ok {
			continue
		}
		if strings.TrimSpace(rt.FullText) != "" {
			if full == nil {
				full = map[string]string{}
			}
			full[r.Key] = rt.FullText
		}
		if abs, _ := r.Get("abstract"); strings.TrimSpace(abs) != "" || strings.TrimSpace(rt.Abstract) == "" {
			continue
		}
		cp := *r
		cp.Fields = append(slices.Clone(r.Fields), corpus.Field{Name: "abstract", Value: rt.Abstract})
		if _, ok := r.Get("pubmed-pt"); !ok && len(rt.PubTypes) > 0 {
			cp.Fields = append(cp.Fields, corpus.Field{Name: "pubmed-pt", Value: strings.Join(rt.PubTypes, "; ")})
		}
		out[i] = &cp
		if from == nil {
			from = map[string]string{}
		}
		from[r.Key] = rt.Registry
	}
	return out, from, full
}

// citedRefs returns the library references the claims' citations resolved
// to, each once, in order of first citation.
func (rep *state) citedRefs() []*corpus.Reference {
	seen := map[string]bool{}
	var cited []*corpus.Reference
	for i := range rep.Claims {
		for _, k := range resolvedKeys(&rep.Claims[i]) {
			if r := rep.Reference(k); r != nil && !seen[k] {
				seen[k] = true
				cited = append(cited, r)
			}
		}
	}
	return cited
}

// evidence puts on each of a claim's own resolved citations what its work
// says, and reports the citations the text does not bear out.
func (rep *state) evidence(c *corpus.Claim, st *evidenceStage) {
	text := stripMarkers(c)
	byKey := map[string]*corpus.Evidence{}
	var keys []string
	for i := range c.Citations {
		l := &c.Citations[i]
		if l.Status != corpus.Resolved || l.Key == nil {
			continue
		}
		key := *l.Key
		ev, seen := byKey[key]
		if !seen {
			e, ok := st.judge.Evidence(text, key)
			if !ok {
				continue
			}
			if reg := st.registry[key]; reg != "" && e.Source == corpus.SourceAbstract {
				e.Why += fmt.Sprintf(" (the abstract of the %s record verification fetched)", registryName(reg))
			}
			ev = &e
			byKey[key] = ev
			keys = append(keys, key)
			rep.evidenceFinding(c, l.Marker, key, ev, st)
		}
		cp := *ev
		l.Evidence = &cp
	}
	rep.overstated(c, keys, byKey)
}

// evidenceFinding reports one citation whose work does not bear the claim
// out, or whose work has no text (once per work).
func (rep *state) evidenceFinding(c *corpus.Claim, marker, key string, ev *corpus.Evidence, st *evidenceStage) {
	src := ev.Source
	if src == corpus.SourceFullText {
		src = "full text"
	}
	switch ev.Verdict {
	case corpus.VerdictUnrelated:
		rep.add(CodeUnsupportedBySource, c.Line, c.ID, marker, fmt.Sprintf("%s cites %s, whose %s does not bear on the claim: %s; closest passage: %s",
			marker, key, src, ev.Why, quote(ev.Text)))
	case corpus.VerdictContradicts:
		rep.add(CodeContradictedBySource, c.Line, c.ID, marker, fmt.Sprintf("%s cites %s, whose %s says otherwise: %s: %s",
			marker, key, src, ev.Why, quote(ev.Text)))
	case corpus.VerdictNoText:
		if st.noText[key] {
			return
		}
		st.noText[key] = true
		rep.add(CodeNoSourceText, c.Line, c.ID, marker, fmt.Sprintf("%s has only a title in the library, so claims citing it were not checked against its text; fetch its abstract with 'evident refs update %s' or attach its full text (file field)",
			key, key))
	}
}

// overstated reports a causal or certain claim whose cited works, every
// one that bears on it, are observational, animal, in-vitro or case
// reports: none could show what the claim's words assert.
func (rep *state) overstated(c *corpus.Claim, keys []string, byKey map[string]*corpus.Evidence) {
	words := evidence.CausalWords(stripMarkers(c))
	if len(words) == 0 {
		return
	}
	var weak []string
	for _, k := range keys {
		ev := byKey[k]
		if ev.Verdict != corpus.VerdictSupports && ev.Verdict != corpus.VerdictRelated {
			continue
		}
		if !evidence.WeakDesign(ev.Design) {
			return // a trial, a review, or a design not named: not overstated
		}
		weak = append(weak, fmt.Sprintf("%s (%s)", k, ev.Design))
	}
	if len(weak) == 0 {
		return
	}
	rep.add(CodeOverstated, c.Line, c.ID, "", fmt.Sprintf("the claim says %s, but cites only %s: such a design shows an association or a mechanism, not that one thing %s another",
		quoteTerms(words), strings.Join(weak, ", "), causalVerb(words[0])))
}

// causalVerb names what the claim's causal word asserts, for the message.
func causalVerb(w string) string {
	w = strings.ToLower(w)
	for _, v := range []string{"prevent", "cure", "prove", "protect", "eliminat"} {
		if strings.HasPrefix(w, v) {
			return map[string]string{"prevent": "prevents", "cure": "cures", "prove": "proves", "protect": "protects against", "eliminat": "eliminates"}[v]
		}
	}
	return "causes"
}

// registryName writes a registry's name as its owners do.
func registryName(service string) string {
	switch service {
	case "crossref":
		return "Crossref"
	case "pubmed":
		return "PubMed"
	case "openalex":
		return "OpenAlex"
	}
	return service
}
