package corpus

// EditDistance returns the Levenshtein distance of a and b, counted in
// runes. With max >= 0 it gives up once the distance must exceed max and
// returns max+1, which keeps near-miss searches over many candidates cheap;
// a negative max means no limit.
func EditDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if max >= 0 {
		if d := len(ra) - len(rb); d > max || -d > max {
			return max + 1
		}
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if max >= 0 && best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
