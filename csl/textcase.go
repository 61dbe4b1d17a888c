package csl

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Case-change state, after the word before the current chunk.
type caseState int

const (
	csStart caseState = iota
	csStartSentence
	csAfterWordEnd
	csAfterWordChar
	csAfterSentenceEnd
	csBeforeLastWord
)

// textCase changes the case of runs. Runs marked nocase (from
// <span class="nocase">) and small caps, superscripts and subscripts keep
// their case but still move the state, so that a word after them is seen
// in its place. Title case applies only in English, as CSL says.
func (p *Processor) textCase(out runs, mode string, lastWord bool) {
	if mode == "title" && !p.english {
		return
	}
	// the last word gets capitalised in title case even when it is a stop
	// word, when it is plain text after a space: find where it starts.
	lastStart := -1
	if lastWord && len(out) > 0 {
		last := out[len(out)-1]
		full := out.text()
		if i := strings.LastIndexByte(full, ' '); i >= 0 && i+1 < len(full) && !last.nocase && last.st&visible == 0 &&
			len(full)-(i+1) <= len(last.text) && !strings.ContainsAny(full[i+1:], "-/–—") {
			lastStart = i + 1
		}
	}
	st := csStart
	pos := 0
	for i := range out {
		r := &out[i]
		if r.text == "" {
			continue
		}
		frozen := r.nocase || r.st&(stSmallCaps|stSup|stSub) != 0
		var b strings.Builder
		b.Grow(len(r.text))
		for ch := range chunks(r.text) {
			if lastStart >= 0 && pos == lastStart && (st == csAfterWordEnd || st == csStartSentence || st == csStart) {
				st = csBeforeLastWord
			}
			old := st
			st = nextState(st, ch)
			pos += len(ch)
			if frozen || !allAlnum(ch) {
				b.WriteString(ch)
				continue
			}
			b.WriteString(caseChunk(mode, old, ch))
		}
		r.text = b.String()
	}
}

func nextState(st caseState, ch string) caseState {
	c, _ := utf8.DecodeLastRuneInString(ch)
	switch {
	case c == '.' || c == '?' || c == '!' || c == ':':
		return csAfterSentenceEnd
	case isAlnum(c):
		return csAfterWordChar
	case unicode.IsSpace(c) && st == csAfterSentenceEnd:
		return csStartSentence
	case unicode.IsSpace(c) || c == '-' || c == '/' || c == '–' || c == '—':
		return csAfterWordEnd
	}
	return st
}

// chunks yields the runs of letters and digits, of spaces and of
// punctuation in text (an iterator: it runs over every case-changed run).
func chunks(s string) iter.Seq[string] {
	kind := func(r rune) int {
		switch {
		case isAlnum(r):
			return 0
		case unicode.IsSpace(r):
			return 1
		case unicode.IsPunct(r):
			return 2
		}
		return 3
	}
	return func(yield func(string) bool) {
		start, prev := 0, -1
		for i, r := range s {
			k := kind(r)
			if i > 0 && (k != prev || k == 3) {
				if !yield(s[start:i]) {
					return
				}
				start = i
			}
			prev = k
		}
		yield(s[start:])
	}
}

func allAlnum(s string) bool {
	for _, r := range s {
		if !isAlnum(r) {
			return false
		}
	}
	return s != ""
}

func caseChunk(mode string, st caseState, w string) string {
	switch mode {
	case "uppercase":
		return strings.ToUpper(w)
	case "lowercase":
		return strings.ToLower(w)
	case "capitalize-first":
		if st == csStart && isLower(w) {
			return capitalize(w)
		}
	case "capitalize-all":
		if mixed(w) {
			return w
		}
		if (st == csStart || st == csStartSentence || st == csAfterWordEnd || st == csBeforeLastWord) && isLower(w) {
			return capitalize(w)
		}
	case "sentence":
		start := st == csStart || st == csStartSentence
		if capitalized(w) && !start {
			return strings.ToLower(w)
		}
		if (capitalized(w) || isLower(w)) && start {
			return capitalize(strings.ToLower(w))
		}
	case "title":
		if mixed(w) || isUpperish(w) {
			return w
		}
		switch {
		case st == csStart || st == csStartSentence:
			return capitalize(strings.ToLower(w))
		case st == csAfterWordEnd && !stopWords[w] && utf8.RuneCountInString(w) > 1:
			return capitalize(strings.ToLower(w))
		case st == csBeforeLastWord && utf8.RuneCountInString(w) > 1:
			return capitalize(strings.ToLower(w))
		}
	}
	return w
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

func isLower(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func mixed(w string) bool {
	up, low := false, false
	for _, r := range w {
		up = up || unicode.IsUpper(r)
		low = low || unicode.IsLower(r)
	}
	return up && low
}

func isUpperish(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) && unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func capitalized(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && isLower(w[n:])
}

// stopWords are the words title case leaves in lowercase (the CSL
// specification's list, with the name particles processors add).
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an and as at but by down for from in into nor of on onto or over so the till to up via with yet about van von de d l") {
		stopWords[w] = true
	}
}
