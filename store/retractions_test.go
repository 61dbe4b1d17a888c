package store

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

var wakefield = []Notice{
	{RecordID: "1", Nature: "Correction", Type: "correction", Date: "2004-03-06",
		DOI: "10.1016/s0140-6736(97)11096-0", PMID: "9500320", NoticeDOI: "10.1016/s0140-6736(04)15715-2"},
	{RecordID: "2", Nature: "Retraction", Type: "retraction", Date: "2010-02-06",
		DOI: "10.1016/s0140-6736(97)11096-0", PMID: "9500320", NoticeDOI: "10.1016/s0140-6736(10)60175-4",
		NoticePMID: "20137807", Reasons: []string{"Falsification/Fabrication of Data"}},
}

func TestReplaceRetractions_LookupByTheWorkNeverTheNotice(t *testing.T) {
	s := newStore(t)
	notices := append([]Notice{{RecordID: "3", Nature: "Expression of concern", Type: "expression-of-concern",
		Date: "2021-05-01", PMID: "99999901"}}, wakefield...)
	info, err := s.ReplaceRetractions(notices, RetractionsInfo{From: "rw.csv", Imported: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if info.Notices != 3 || info.Works != 2 {
		t.Errorf("info = %+v; want 3 notices about 2 works", info)
	}
	tests := []struct {
		name string
		ids  corpus.Identifiers
		want []string // record IDs
	}{
		{"by DOI, both notices once", corpus.Identifiers{DOI: "10.1016/s0140-6736(97)11096-0"}, []string{"1", "2"}},
		{"by PubMed ID", corpus.Identifiers{PMID: "9500320"}, []string{"1", "2"}},
		{"by both, each notice once", corpus.Identifiers{DOI: "10.1016/s0140-6736(97)11096-0", PMID: "9500320"}, []string{"1", "2"}},
		{"a work with a PubMed ID only", corpus.Identifiers{PMID: "99999901"}, []string{"3"}},
		{"the notice's DOI names no work", corpus.Identifiers{DOI: "10.1016/s0140-6736(10)60175-4"}, nil},
		{"the notice's PubMed ID names no work", corpus.Identifiers{PMID: "20137807"}, nil},
		{"no identifiers", corpus.Identifiers{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns, err := s.RetractionNotices(tt.ids)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range ns {
				got = append(got, n.RecordID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records = %v, want %v", got, tt.want)
			}
		})
	}
	got, ok, err := s.RetractionsInfo()
	if err != nil || !ok || got.From != "rw.csv" || got.Notices != 3 || !got.Imported.Equal(info.Imported) {
		t.Errorf("RetractionsInfo = %+v, %v, %v", got, ok, err)
	}
}

func TestReplaceRetractions_ReplacesTheWholeDatabase(t *testing.T) {
	s := newStore(t)
	if _, err := s.ReplaceRetractions(wakefield, RetractionsInfo{From: "old.csv"}); err != nil {
		t.Fatal(err)
	}
	g, _ := s.Generation()
	newer := []Notice{{RecordID: "9", Nature: "Retraction", Type: "retraction", DOI: "10.5555/new"}}
	if _, err := s.ReplaceRetractions(newer, RetractionsInfo{From: "new.csv"}); err != nil {
		t.Fatal(err)
	}
	if ns, _ := s.RetractionNotices(corpus.Identifiers{DOI: "10.1016/s0140-6736(97)11096-0"}); len(ns) != 0 {
		t.Errorf("the old database's notices remain: %+v", ns)
	}
	if ns, _ := s.RetractionNotices(corpus.Identifiers{DOI: "10.5555/new"}); len(ns) != 1 {
		t.Errorf("the new database's notice is missing: %+v", ns)
	}
	if g2, _ := s.Generation(); g2 != g {
		t.Errorf("generation %d → %d: the references and articles did not change, the index must not be rebuilt", g, g2)
	}
}

func TestStore_NoticesAreRetractionWatchUpdates(t *testing.T) {
	s := newStore(t)
	if got := s.Notices(corpus.Identifiers{DOI: "10.1016/s0140-6736(97)11096-0"}); len(got) != 0 {
		t.Errorf("a library with no database answers %+v", got)
	}
	if _, err := s.ReplaceRetractions(append(wakefield, Notice{RecordID: "4", Nature: "Something else", DOI: "10.5555/odd"}),
		RetractionsInfo{}); err != nil {
		t.Fatal(err)
	}
	got := s.Notices(corpus.Identifiers{PMID: "9500320"})
	want := []registry.Update{
		{Type: registry.Correction, DOI: "10.1016/s0140-6736(04)15715-2", Date: "2004-03-06", Source: "retraction-watch"},
		{Type: registry.Retraction, DOI: "10.1016/s0140-6736(10)60175-4", Date: "2010-02-06", Source: "retraction-watch"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Notices =\n%+v\nwant\n%+v", got, want)
	}
	if got := s.Notices(corpus.Identifiers{DOI: "10.5555/odd"}); len(got) != 0 {
		t.Errorf("a notice of no known kind became an update: %+v", got)
	}
}

func TestReplaceRetractions_ReadOnlyRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.ReplaceRetractions(wakefield, RetractionsInfo{}); err == nil {
		t.Error("a read-only library took a retraction database")
	}
}

// retractionRounds are the databases helperRetractions writes in turn:
// database i has i+1 notices and says so in its info.
const retractionRounds = 50

// helperRetractions replaces the retraction database again and again, each
// time with a different number of notices, until it is killed.
func helperRetractions(path string) int {
	s, err := Open(path, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	for round := 0; ; round++ {
		n := 1000 + round%retractionRounds
		ns := make([]Notice, n)
		for i := range ns {
			ns[i] = Notice{RecordID: fmt.Sprint(i), Type: "retraction", DOI: fmt.Sprintf("10.5555/kill.%d", i), PMID: fmt.Sprint(90000000 + i)}
		}
		if _, err := s.ReplaceRetractions(ns, RetractionsInfo{From: fmt.Sprint(n)}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
}

// TestReplaceRetractions_KillLeavesOneWholeDatabase kills a process while
// it replaces the database and checks that the library holds one whole
// database: as many notices as its info says, every one findable.
func TestReplaceRetractions_KillLeavesOneWholeDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a writer process")
	}
	for round, wait := range []time.Duration{20 * time.Millisecond, 120 * time.Millisecond, 400 * time.Millisecond} {
		path := filepath.Join(t.TempDir(), "library.db")
		cmd, _, _ := startHelper(t, "retractions", path)
		time.Sleep(wait)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		s, err := Open(path, true)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if err := s.db.View(func(btx *bolt.Tx) error {
			for err := range btx.Check() {
				t.Errorf("round %d: bbolt check: %v", round, err)
			}
			keys := btx.Bucket(bucketRetractions).Stats().KeyN
			info, ok, _ := s.RetractionsInfo()
			if !ok {
				if keys != 0 {
					t.Errorf("round %d: no info but %d keys", round, keys)
				}
				return nil
			}
			var n int
			fmt.Sscan(info.From, &n)
			// Each notice under its DOI and its PMID, and the info.
			if keys != 2*n+1 || info.Notices != n {
				t.Errorf("round %d: database of %s notices holds %d keys, info says %d notices", round, info.From, keys, info.Notices)
			}
			t.Logf("round %d: killed after %v; a whole database of %d notices", round, wait, n)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkReplaceRetractions writes a database the size of Retraction
// Watch's (some 60,000 notices).
func BenchmarkReplaceRetractions(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "library.db"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ns := make([]Notice, 60_000)
	for i := range ns {
		ns[i] = Notice{RecordID: fmt.Sprint(i), Nature: "Retraction", Type: "retraction", Date: "2010-02-06",
			DOI: fmt.Sprintf("10.5555/bench.%d", i), PMID: fmt.Sprint(90000000 + i), NoticeDOI: fmt.Sprintf("10.5555/notice.%d", i),
			Title: fmt.Sprintf("Example title %d, generated", i), Reasons: []string{"Investigation by Journal/Publisher", "Paper Mill"}}
	}
	for b.Loop() {
		if _, err := s.ReplaceRetractions(ns, RetractionsInfo{}); err != nil {
			b.Fatal(err)
		}
	}
}
