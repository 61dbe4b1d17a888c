package store

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// Notice is one row of the Retraction Watch database as the library keeps
// it: a notice (retraction, correction, expression of concern,
// reinstatement) about a work, the work named by its own DOI and PubMed ID,
// never the notice's.
type Notice struct {
	RecordID string `json:"record_id,omitempty"`
	// Nature is the kind of notice as the database writes it
	// ("Retraction", "Expression of concern"); Type the same in the words
	// of registry.Update ("retraction", "expression-of-concern",
	// "reinstatement"), "" when the nature is of no known kind.
	Nature string `json:"nature,omitempty"`
	Type   string `json:"type,omitempty"`
	Date   string `json:"date,omitempty"` // YYYY-MM-DD when it could be read
	// DOI and PMID are the work's.
	DOI  string `json:"doi,omitempty"`
	PMID string `json:"pmid,omitempty"`
	// NoticeDOI and NoticePMID are the notice's own.
	NoticeDOI  string   `json:"notice_doi,omitempty"`
	NoticePMID string   `json:"notice_pmid,omitempty"`
	Title      string   `json:"title,omitempty"`
	Reasons    []string `json:"reasons,omitempty"`
}

// RetractionsInfo describes the retraction database the library holds.
type RetractionsInfo struct {
	From     string    `json:"from"` // the file or URL it was imported from
	Imported time.Time `json:"imported"`
	Notices  int       `json:"notices"`
	Works    int       `json:"works"` // distinct works (by DOI, else by PubMed ID)
}

// retractionsInfoKey holds the RetractionsInfo in the retractions bucket;
// every other key is "doi:…" or "pmid:…".
var retractionsInfoKey = []byte("info")

// retractionKey is the key notices about a work are kept under.
func retractionKey(kind, id string) []byte { return []byte(kind + ":" + id) }

// ReplaceRetractions replaces the library's retraction database with
// notices, in one transaction: until it commits, readers see the old
// database whole, and a crash (even kill -9) leaves the old one. Each
// notice is kept under its work's DOI and its work's PubMed ID. It returns
// what it stored, info completed with the counts.
func (s *Store) ReplaceRetractions(notices []Notice, info RetractionsInfo) (RetractionsInfo, error) {
	byID := map[string][]Notice{}
	works := map[string]bool{}
	for _, n := range notices {
		if n.DOI != "" {
			works["doi:"+n.DOI] = true
		} else if n.PMID != "" {
			works["pmid:"+n.PMID] = true
		}
		if n.DOI != "" {
			k := string(retractionKey("doi", n.DOI))
			byID[k] = append(byID[k], n)
		}
		if n.PMID != "" {
			k := string(retractionKey("pmid", n.PMID))
			byID[k] = append(byID[k], n)
		}
	}
	info.Notices, info.Works = len(notices), len(works)
	infoJSON, err := json.Marshal(info)
	if err != nil {
		return info, err
	}
	err = s.write(func(sh *shield, btx *bolt.Tx) (bool, error) {
		if btx.Bucket(bucketRetractions) != nil {
			if err := btx.DeleteBucket(bucketRetractions); err != nil {
				return false, fmt.Errorf("replace the retraction database: %w", err)
			}
		}
		b, err := btx.CreateBucket(bucketRetractions)
		if err != nil {
			return false, fmt.Errorf("replace the retraction database: %w", err)
		}
		// Keys go in in order and are never inserted between later: full
		// pages, half the file bbolt's default fill would make.
		b.FillPercent = 1.0
		// In key order, as every bulk write: bbolt splits nodes only at
		// commit, and random order would shift one growing node.
		for _, k := range slices.Sorted(maps.Keys(byID)) {
			js, err := json.Marshal(byID[k])
			if err != nil {
				return false, err
			}
			// Compressed like references: the notices' titles and reasons
			// are most of their size.
			v := snappy.Encode(nil, js)
			if err := b.Put([]byte(k), v); err != nil {
				return false, fmt.Errorf("replace the retraction database: %s: %w", k, err)
			}
		}
		if err := b.Put(retractionsInfoKey, infoJSON); err != nil {
			return false, fmt.Errorf("replace the retraction database: %w", err)
		}
		return true, nil
	})
	return info, err
}

// RetractionsInfo describes the library's retraction database; false when
// it has none.
func (s *Store) RetractionsInfo() (RetractionsInfo, bool, error) {
	var info RetractionsInfo
	found := false
	err := s.view("read the retraction database", func(_ *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketRetractions)
		if b == nil {
			return nil // a library older than schema 4, opened read-only
		}
		v := b.Get(retractionsInfoKey)
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &info); err != nil {
			return &DamagedError{Path: s.path, Detail: fmt.Sprintf("retraction database: %v", err)}
		}
		found = true
		return nil
	})
	return info, found, err
}

// RetractionNotices returns the notices the library's retraction database
// lists about the work with ids, by its DOI and its PubMed ID, each notice
// once, in the database's order of record IDs.
func (s *Store) RetractionNotices(ids corpus.Identifiers) ([]Notice, error) {
	if ids.DOI == "" && ids.PMID == "" {
		return nil, nil
	}
	var out []Notice
	err := s.view("read the retraction database", func(_ *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketRetractions)
		if b == nil {
			return nil
		}
		seen := map[string]bool{}
		for _, k := range [][]byte{retractionKey("doi", ids.DOI), retractionKey("pmid", ids.PMID)} {
			if len(k) <= len("pmid:") {
				continue
			}
			v := b.Get(k)
			if v == nil {
				continue
			}
			var ns []Notice
			js, err := snappy.Decode(nil, v)
			if err == nil {
				err = json.Unmarshal(js, &ns)
			}
			if err != nil {
				return &DamagedError{Path: s.path, Detail: fmt.Sprintf("retraction database: %s: %v", k, err)}
			}
			for _, n := range ns {
				id := n.RecordID + "\x00" + n.Date + "\x00" + n.Nature + "\x00" + n.NoticeDOI
				if !seen[id] {
					seen[id] = true
					out = append(out, n)
				}
			}
		}
		return nil
	})
	return out, err
}

// Notices returns the notices about the work with ids as registry updates
// with Source "retraction-watch": the store is the verifier's
// verify.Retractions. A damaged database answers nothing (verification
// goes on with what the registries say).
func (s *Store) Notices(ids corpus.Identifiers) []registry.Update {
	ns, err := s.RetractionNotices(ids)
	if err != nil {
		return nil
	}
	out := make([]registry.Update, 0, len(ns))
	for _, n := range ns {
		if n.Type == "" {
			continue
		}
		out = append(out, registry.Update{Type: n.Type, DOI: n.NoticeDOI, Date: n.Date, Source: "retraction-watch"})
	}
	return out
}
