package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
)

func mark(finding, as, by string) corpus.ReviewMark {
	return corpus.ReviewMark{Finding: finding, Code: "uncited-claim", Text: "Sugar is bad for you.", Line: 3,
		Subject: "s:sugar is bad for you", Review: corpus.Review{As: corpus.ReviewVerdict(as), By: by,
			At: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)}}
}

func findings(ms []corpus.ReviewMark) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Finding + "=" + string(m.As)
	}
	return out
}

func TestReviews_PutReplaceDeleteAndReadBack(t *testing.T) {
	s := newStore(t)
	ch, err := s.Update(func(tx *Tx) error {
		if err := tx.PutArticle(article("a.md", "# A\n")); err != nil {
			return err
		}
		for _, m := range []corpus.ReviewMark{mark("uncited-claim:bbbbbbbbbb", "ok", "ann"), mark("uncited-claim:aaaaaaaaaa", "wrong", "bob")} {
			if err := tx.PutReview("a.md", m); err != nil {
				return err
			}
		}
		// The transaction sees its own marks, in finding order.
		got, err := tx.Reviews("a.md")
		if fmt.Sprint(findings(got)) != "[uncited-claim:aaaaaaaaaa=wrong uncited-claim:bbbbbbbbbb=ok]" {
			t.Errorf("inside the transaction: %v, %v", findings(got), err)
		}
		return tx.PutReview("b.md", mark("uncited-claim:cccccccccc", "ok", "ann"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Reviews != 3 {
		t.Errorf("Changes.Reviews = %d, want 3", ch.Reviews)
	}
	gen := ch.Generation

	// Marking again replaces; clearing removes; neither moves the
	// generation (the index holds no marks).
	ch, err = s.Update(func(tx *Tx) error {
		m := mark("uncited-claim:aaaaaaaaaa", "ok", "ann")
		m.Note = "checked against the print edition"
		if err := tx.PutReview("a.md", m); err != nil {
			return err
		}
		return tx.DeleteReview("a.md", "uncited-claim:bbbbbbbbbb")
	})
	if err != nil {
		t.Fatal(err)
	}
	if ch.Generation != gen || ch.Reviews != 2 {
		t.Errorf("after marking: generation %d (was %d), %d marks changed; want the same generation, 2", ch.Generation, gen, ch.Reviews)
	}
	if g, _ := s.Generation(); g != gen {
		t.Errorf("stored generation %d, want %d", g, gen)
	}
	got, err := s.Reviews("a.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Note != "checked against the print edition" || got[0].As != corpus.ReviewOK || got[0].Subject == "" {
		t.Errorf("marks of a.md = %+v", got)
	}
	var all []string
	if err := s.EachReview(func(id string, m corpus.ReviewMark) error {
		all = append(all, id+" "+m.Finding)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(all) != "[a.md uncited-claim:aaaaaaaaaa b.md uncited-claim:cccccccccc]" {
		t.Errorf("EachReview = %q", all)
	}

	_, err = s.Update(func(tx *Tx) error { return tx.DeleteReview("a.md", "uncited-claim:bbbbbbbbbb") })
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("clearing a mark that is not there: %v, want ErrNotFound", err)
	}
	_, err = s.Update(func(tx *Tx) error { return tx.PutReview("a.md", corpus.ReviewMark{Finding: "x\x00y"}) })
	if err == nil {
		t.Error("a finding id with a NUL was stored")
	}
}

func TestReviews_GoWithTheirArticle(t *testing.T) {
	s := newStore(t)
	if _, err := s.Update(func(tx *Tx) error {
		for _, id := range []string{"a.md", "a.md2"} {
			if err := tx.PutArticle(article(id, "# "+id+"\n")); err != nil {
				return err
			}
			if err := tx.PutReview(id, mark("uncited-claim:aaaaaaaaaa", "ok", "ann")); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(func(tx *Tx) error { return tx.DeleteArticle("a.md") }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Reviews("a.md"); len(got) != 0 {
		t.Errorf("marks of a removed article: %+v", got)
	}
	// An id that merely starts with the removed one keeps its marks.
	if got, _ := s.Reviews("a.md2"); len(got) != 1 {
		t.Errorf("marks of a.md2 = %+v, want its one mark", got)
	}
}

func TestOpen_Schema4LibraryGetsTheReviewsBucket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	rewind(t, s, 4, nil, bucketReviews)
	s.Close()

	r, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := r.Reviews("a.md"); err != nil || len(got) != 0 {
		t.Errorf("a reader of a schema 4 library: %v, %v; want no marks and no error", got, err)
	}
	if err := r.EachReview(func(string, corpus.ReviewMark) error { return errors.New("called") }); err != nil {
		t.Errorf("EachReview on a schema 4 library: %v", err)
	}
	r.Close()

	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if u := w.Upgraded(); u.From != 4 || u.To != SchemaVersion {
		t.Errorf("Upgraded() = %+v, want from 4", u)
	}
	if _, err := w.Update(func(tx *Tx) error { return tx.PutReview("a.md", mark("uncited-claim:aaaaaaaaaa", "ok", "ann")) }); err != nil {
		t.Fatalf("marking after the upgrade: %v", err)
	}
}

// reviewBatch is how many marks the review helper puts per transaction.
const reviewBatch = 25

// helperReview marks findings, reviewBatch a transaction, until it is
// killed, reporting each commit on standard output.
func helperReview(path string) int {
	s, err := Open(path, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	for round := 0; ; round++ {
		_, err := s.Update(func(tx *Tx) error {
			for i := range reviewBatch {
				m := mark(fmt.Sprintf("uncited-claim:%010d", round*reviewBatch+i), "ok", "helper")
				m.Note = fmt.Sprintf("round %d", round)
				if err := tx.PutReview("a.md", m); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("committed", round+1)
	}
}

// TestReviews_KillLeavesWholeTransactions kills a process while it marks
// findings and checks that the library holds whole transactions of marks.
func TestReviews_KillLeavesWholeTransactions(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a writer process")
	}
	for round, wait := range []time.Duration{0, 20 * time.Millisecond, 100 * time.Millisecond} {
		path := filepath.Join(t.TempDir(), "library.db")
		reported := killHelper(t, "review", path, wait)
		s := reopenChecked(t, path, round)
		marks, err := s.Reviews("a.md")
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		t.Logf("round %d: killed after %v; %d marks, %d transactions reported", round, wait, len(marks), reported)
		if len(marks)%reviewBatch != 0 || len(marks) < reported*reviewBatch {
			t.Errorf("round %d: %d marks after %d reported transactions of %d", round, len(marks), reported, reviewBatch)
		}
		// Each transaction's marks carry its round: none half written.
		rounds := map[string]int{}
		for _, m := range marks {
			rounds[m.Note]++
		}
		for note, n := range rounds {
			if n != reviewBatch {
				t.Errorf("round %d: %s has %d marks, want %d", round, note, n, reviewBatch)
			}
		}
		s.Close()
	}
}
