package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/evident-tools/evident/corpus"
)

// DefaultSupportThreshold is the score below which a citation is reported
// as weak support.
//
// It is calibrated on real pairs (TestSupport_Calibration*): the 843
// (sentence, cited work) pairs of a review article citing 615 works, and the
// same sentences each paired with a work of the article they do not cite.
// One true pair in eleven shares no content word with its reference's
// title, abstract and keywords, and no threshold above zero spares those;
// 0.03 flags 10.0% of the true pairs, 56.6% of the false ones, and 1 of the
// 18 citations of a review or survey (one that shares no word). It is the
// highest threshold that spares nine true pairs in ten: 0.05 flags 12.0% of
// true pairs and 65% of false ones, 0.1 17.6% and 80%. Where references have
// titles only (PLOS articles), 0.03 flags 15.3% of true pairs and 53% of
// false ones.
const DefaultSupportThreshold = 0.03

// supportFields are the fields of a reference that can support a claim, and
// the share of a claim term's weight that a match in each earns. The venue
// counts lightly: "Bioinformatics" as a journal says something of a paper's
// topic, but less than its own words do.
var supportFields = []struct {
	name   string
	credit float64
}{
	{fieldTitle, 1}, {fieldAbstract, 1}, {fieldKeywords, 1}, {fieldVenue, 0.5},
}

// A stem the English stemmer cut differently in the claim and in the
// reference still matches, for prefixCredit, through a prefix: "reduces"
// (reduc) and "reduction" (reduct), "treats" (treat) and "treatment",
// "mammographies" (mammographi) and "mammograms" (mammogram). See stemPrefix.
const (
	prefixShort  = 5 // stems shorter than this match only exactly
	prefixLong   = 7 // stems this long match by all but their last prefixCut letters
	prefixCut    = 3
	prefixCredit = 0.5
)

// Support scores how well cited references support claims, with an
// in-memory Bleve index of the references given (only the cited ones: a
// check cites tens, not thousands). Its methods may be called from several
// goroutines.
type Support struct {
	ix    *Index
	text  analysis.Analyzer // the index's English analyser, for claims
	names analysis.Analyzer // the index's name analyser, for "Smith et al."
	n     int               // references indexed

	df      map[string]int      // term -> references that have it in a support field
	weight  map[string]float64  // key -> the summed weight of its own terms
	authors map[string]bool     // name terms of the references' authors
	dict    map[string][]string // field -> its terms, sorted
}

// SupportScore is how well one reference supports one claim.
type SupportScore struct {
	// Score is normalised to 0..1 and comparable across claims.
	Score float64
	// Matched are the claim terms found in the reference, as the claim
	// wrote them, deduplicated, weightiest first.
	Matched []string
	// Missing are the content terms of the claim the reference lacks,
	// weightiest first.
	Missing []string
}

// NewSupport indexes refs in memory for Score.
func NewSupport(refs []*corpus.Reference) (*Support, error) {
	ix, err := OpenMem()
	if err != nil {
		return nil, err
	}
	s, err := newSupport(ix, refs)
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("support index: %w", err)
	}
	return s, nil
}

func newSupport(ix *Index, refs []*corpus.Reference) (*Support, error) {
	if err := ix.Apply(context.Background(), refs, nil, 0); err != nil {
		return nil, err
	}
	m := ix.b.Mapping()
	s := &Support{ix: ix, text: m.AnalyzerNamed(en.AnalyzerName), names: m.AnalyzerNamed(analyzerName)}
	if s.text == nil || s.names == nil {
		return nil, errors.New("analysers missing from the mapping")
	}
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if err := s.readStats(r); err != nil {
		return nil, err
	}
	return s, nil
}

// readStats reads from the index's dictionaries what Score needs besides
// the match itself: how many references have each term (for its weight), the
// summed weight of each reference's own terms, and the authors' names.
func (s *Support) readStats(r index.IndexReader) error {
	n, err := r.DocCount()
	if err != nil {
		return err
	}
	s.n = int(n)

	// credit[doc][term] is the best credit of the term's fields in doc,
	// doc an internal ID.
	credit := map[string]map[string]float64{}
	s.dict = map[string][]string{}
	for _, f := range supportFields {
		err := eachTerm(r, f.name, func(term string) error {
			s.dict[f.name] = append(s.dict[f.name], term)
			return eachDoc(r, term, f.name, func(id string) {
				c := credit[id]
				if c == nil {
					c = map[string]float64{}
					credit[id] = c
				}
				c[term] = max(c[term], f.credit)
			})
		})
		if err != nil {
			return err
		}
	}
	for _, d := range s.dict {
		sort.Strings(d) // a dictionary is in order already; Score relies on it
	}
	s.df = map[string]int{}
	for _, terms := range credit {
		for t := range terms {
			s.df[t]++
		}
	}
	s.weight = make(map[string]float64, len(credit))
	err = eachDocID(r, func(iid, id string) {
		// A reference known only by its venue cannot be judged: weight 0.
		var w float64
		var own bool
		for t, c := range credit[iid] {
			w += c * s.idf(t)
			own = own || c == 1
		}
		if !own {
			w = 0
		}
		s.weight[strings.TrimPrefix(id, typeRef+":")] = w
	})
	if err != nil {
		return err
	}
	s.authors = map[string]bool{}
	return eachTerm(r, fieldAuthors, func(term string) error {
		s.authors[term] = true
		return nil
	})
}

// idf is a term's weight: high for a term few of the cited references have,
// near zero for one they all have. The cited set is the right population: in
// an article on deep learning, "deep" says nothing about which of its
// references a sentence means.
func (s *Support) idf(term string) float64 {
	return math.Log((float64(s.n) + 1) / (float64(s.df[term]) + 0.5))
}

// Close releases the index.
func (s *Support) Close() error {
	return s.ix.Close()
}

// Score returns how well the reference key supports claim.
//
// The claim is analysed as the index analyses titles (English stop words
// out, stems in), and Bleve answers which of its terms the reference has: a
// disjunction of term queries (and prefix queries for long terms) over the
// title, abstract, keywords and venue, in a conjunction with the reference's
// document ID, whose hit's term locations say which terms matched where.
//
// Bleve's own tf-idf score is not used: it depends on the query's length and
// the field lengths, so a score of 0.4 means different things for different
// claims. Instead each claim term weighs its idf over the cited set, and the
// score is the matched weight divided by the smaller of the claim's total
// weight and the reference's (the weighted overlap coefficient). Dividing by
// the claim's weight alone would doom a title-only reference (ten words
// cannot cover a thirty-word sentence) and a broad review, whose short title
// is all the topic it names; dividing by the reference's alone would doom a
// long abstract. The smaller of the two asks "is most of the shorter side
// found in the longer", which is what support looks like in both cases.
//
// A capitalised word of the claim that is the surname of a cited author ("Lusci et
// al. applied...") matches the reference by that author; for the other
// references it is a name, not a missing topic word, and is left out.
//
// A claim with no content term, or a reference with no title, abstract or
// keywords, cannot be judged, and scores 1 so that it is not reported as
// weak support. An unknown key is an error.
func (s *Support) Score(claim, key string) (SupportScore, error) {
	refWeight, ok := s.weight[key]
	if !ok {
		return SupportScore{}, fmt.Errorf("support: %s is not among the cited references", key)
	}
	terms := s.claimTerms(claim)
	if refWeight == 0 || len(terms) == 0 {
		return SupportScore{Score: 1}, nil
	}
	if err := s.match(terms, key); err != nil {
		return SupportScore{}, fmt.Errorf("support of %s: %w", key, err)
	}
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].weight > terms[j].weight })
	var sc SupportScore
	var got, all float64
	for _, t := range terms {
		switch {
		case t.credit > 0:
			sc.Matched = append(sc.Matched, t.surface)
		case t.name != "":
			continue
		default:
			sc.Missing = append(sc.Missing, t.surface)
		}
		got += t.credit * t.weight
		all += t.weight
	}
	if all == 0 {
		sc.Score = 1
		return sc, nil
	}
	// Above 1 only when author names or prefix matches, which the
	// reference's own weight does not count, fill a very short title.
	sc.Score = min(1, got/min(all, refWeight))
	return sc, nil
}

// claimTerm is one distinct content word of a claim with what Score
// needs to weigh it.
type claimTerm struct {
	claimWord
	prefix string // the prefix that matches for less, if the term is long
	weight float64
	credit float64 // 0 when the reference lacks the term, else the best match's credit
}

// claimTerms analyses a claim into its distinct content words (claimWords).
// A word's name is kept only when it is the surname of a cited author.
func (s *Support) claimTerms(claim string) []claimTerm {
	words := claimWords(s.text, s.names, claim)
	out := make([]claimTerm, len(words))
	for i, w := range words {
		if !s.authors[w.name] {
			w.name = ""
		}
		out[i] = claimTerm{claimWord: w, prefix: stemPrefix(w.term), weight: s.idf(w.term)}
	}
	return out
}

// stemPrefix returns the prefix by which the claim term t also matches
// other forms of its word in a reference, or "" when t is too short for a
// prefix to mean anything ("cell" would find "cellular" and "cellulose"). A
// stem of five or six letters matches every term it begins; a longer one
// every term that shares all but its last three letters, and at least six.
func stemPrefix(t string) string {
	r := []rune(t)
	switch n := len(r); {
	case n < prefixShort:
		return ""
	case n < prefixLong:
		return t
	default:
		return string(r[:max(prefixLong-1, n-prefixCut)])
	}
}

// match asks Bleve which of the claim's terms the reference key has, and
// sets each term's credit from the fields it was found in.
//
// Building a searcher for each clause is most of the cost of a query on a
// small index, so clauses that the field's dictionary says cannot match
// (most of a claim's words are in none of the cited references) are left
// out; that makes a pair about three times faster.
func (s *Support) match(terms []claimTerm, key string) error {
	var clauses []query.Query
	add := func(q query.FieldableQuery, field string) {
		q.SetField(field)
		clauses = append(clauses, q)
	}
	for _, t := range terms {
		for _, f := range supportFields {
			if s.has(f.name, t.term) {
				add(query.NewTermQuery(t.term), f.name)
			}
			if t.prefix != "" && f.name != fieldVenue && s.extends(f.name, t.prefix, t.term) {
				add(query.NewPrefixQuery(t.prefix), f.name)
			}
		}
		if t.name != "" {
			add(query.NewTermQuery(t.name), fieldAuthors)
		}
	}
	if len(clauses) == 0 {
		return nil
	}
	only := query.NewDocIDQuery([]string{refID(key)})
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{query.NewDisjunctionQuery(clauses), only}), 1, 0, false)
	req.IncludeLocations = true
	req.Score = "none" // only which terms matched counts, not Bleve's score
	res, err := s.ix.b.Search(req)
	if err != nil {
		return err
	}
	if len(res.Hits) == 0 {
		return nil
	}
	// Locations come from term vectors, which textField keeps for every
	// field queried here; without them nothing would ever match.
	found := res.Hits[0].Locations
	for i := range terms {
		t := &terms[i]
		for _, f := range supportFields {
			if len(found[f.name][t.term]) > 0 {
				t.credit = max(t.credit, f.credit)
			}
			if t.prefix == "" || f.name == fieldVenue || t.credit >= prefixCredit {
				continue
			}
			for term := range found[f.name] {
				if strings.HasPrefix(term, t.prefix) {
					t.credit = prefixCredit
					break
				}
			}
		}
		if t.name != "" && len(found[fieldAuthors][t.name]) > 0 {
			t.credit = 1
		}
	}
	return nil
}

// has reports whether field's dictionary has term.
func (s *Support) has(field, term string) bool {
	d := s.dict[field]
	i := sort.SearchStrings(d, term)
	return i < len(d) && d[i] == term
}

// extends reports whether field's dictionary has a term other than term
// that begins with prefix: otherwise a prefix query would find nothing that
// the term query does not.
func (s *Support) extends(field, prefix, term string) bool {
	d := s.dict[field]
	for i := sort.SearchStrings(d, prefix); i < len(d) && strings.HasPrefix(d[i], prefix); i++ {
		if d[i] != term {
			return true
		}
	}
	return false
}

// eachTerm calls fn with every term of field's dictionary.
func eachTerm(r index.IndexReader, field string, fn func(term string) error) error {
	d, err := r.FieldDict(field)
	if err != nil {
		return err
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			return err
		}
		if err := fn(e.Term); err != nil {
			return err
		}
	}
}

// eachDoc calls fn with the internal ID of every document that has term in
// field.
func eachDoc(r index.IndexReader, term, field string, fn func(id string)) error {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return err
	}
	defer tfr.Close()
	var td index.TermFieldDoc
	for {
		d, err := tfr.Next(td.Reset())
		if err != nil || d == nil {
			return err
		}
		fn(string(d.ID))
	}
}

// eachDocID calls fn with the internal and external ID of every document.
func eachDocID(r index.IndexReader, fn func(iid, id string)) error {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer ids.Close()
	for {
		iid, err := ids.Next()
		if err != nil || iid == nil {
			return err
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return err
		}
		fn(string(iid), id)
	}
}
