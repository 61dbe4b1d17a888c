package corpus

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// NormalizeISBN returns the first valid ISBN in s as the 13 digits of an
// ISBN-13. Hyphens and spaces are ignored and an ISBN-10 is converted, its
// check digit recomputed. A field such as "0-387-96957-8 (New York)
// 3-540-96957-8 (Berlin)" gives its first ISBN. It returns "" when no
// candidate has a valid check digit.
func NormalizeISBN(s string) string {
	runs := isbnRuns(s)
	digits := make([]byte, 0, 16)
	for i := range runs {
		digits = digits[:0]
		for j := i; j < len(runs); j++ {
			if j > i && !runs[j].joined {
				break
			}
			digits = append(digits, runs[j].digits...)
			if len(digits) > 13 {
				break
			}
			if isbn := isbn13(digits); isbn != "" {
				return isbn
			}
		}
	}
	return ""
}

// isbnRun is a maximal run of digits, or the check character X of an
// ISBN-10, and whether it continues the previous run: it follows it directly
// or after one hyphen or space.
type isbnRun struct {
	digits string
	joined bool
}

func isbnRuns(s string) []isbnRun {
	var runs []isbnRun
	runEnd := -1    // index just past the last run
	joined := false // one separator, and nothing else, since runEnd
	for i := 0; i < len(s); {
		c := s[i]
		continues := len(runs) > 0 && (i == runEnd || joined)
		switch {
		case isDigit(c):
			j := i + digitsAt(s, i)
			runs = append(runs, isbnRun{digits: s[i:j], joined: continues})
			i, runEnd, joined = j, j, false
		case (c == 'X' || c == 'x') && continues && (i+1 == len(s) || !isLetter(s[i+1]) && !isDigit(s[i+1])):
			runs = append(runs, isbnRun{digits: "X", joined: true})
			i, runEnd, joined = i+1, i+1, false
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			joined = i == runEnd && (r == '-' || r == ' ' || unicode.Is(unicode.Pd, r))
			i += size
		}
	}
	return runs
}

// isbn13 returns d as an ISBN-13 when d is a valid ISBN-10 or ISBN-13.
func isbn13(d []byte) string {
	switch len(d) {
	case 10:
		sum := 0
		for i, c := range d {
			v := int(c - '0')
			if c == 'X' {
				if i != 9 {
					return ""
				}
				v = 10
			}
			sum += (10 - i) * v
		}
		if sum%11 != 0 {
			return ""
		}
		b := append([]byte("978"), d[:9]...)
		return string(append(b, ean13Check(b)))
	case 13:
		if bytes.IndexByte(d, 'X') >= 0 || !(string(d[:3]) == "978" || string(d[:3]) == "979") {
			return ""
		}
		if ean13Check(d[:12]) != d[12] {
			return ""
		}
		return string(d)
	}
	return ""
}

// ean13Check returns the check digit of the twelve digits d.
func ean13Check(d []byte) byte {
	sum := 0
	for i, c := range d {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += w * int(c-'0')
	}
	return byte('0' + (10-sum%10)%10)
}
