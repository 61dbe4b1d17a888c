package corpus

// BOMlessUTF16 recognises UTF-16 text without a byte order mark by its zero
// bytes: mostly-ASCII text (BibTeX, articles) has a zero in nine of ten
// even or odd places, the high byte of each code unit, and few in the
// others. It looks at the first 4,000 bytes and says which byte order.
func BOMlessUTF16(data []byte) (bigEndian, ok bool) {
	n := min(len(data), 4000) &^ 1
	if n < 4 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case even*10 >= half*9 && odd*10 < half:
		return true, true
	case odd*10 >= half*9 && even*10 < half:
		return false, true
	}
	return false, false
}
