package period

// spanSet holds byte ranges [start, end) in the order they were added and
// finds the first one a range overlaps. The period and date scanners ask
// that for every phrase they find; a long paragraph holds thousands of
// them, so a list searched from its start cost time quadratic in the
// paragraph. Once the set is larger than a few ranges it keeps, for every
// bucketWidth bytes of text, the ranges that touch them.
type spanSet struct {
	spans   [][2]int
	buckets [][]int32 // bucket → indices of the spans touching it; nil while the set is small
}

const (
	bucketWidth = 64
	// smallSpans is how many ranges a plain scan checks faster than buckets
	smallSpans = 32
)

// add appends the range [a, b).
func (s *spanSet) add(a, b int) {
	s.spans = append(s.spans, [2]int{a, b})
	if s.buckets != nil {
		s.index(len(s.spans) - 1)
	} else if len(s.spans) > smallSpans {
		for i := range s.spans {
			s.index(i)
		}
	}
}

// set changes range i to [a, b), which holds its old range: merging
// phrases only grows them.
func (s *spanSet) set(i, a, b int) {
	s.spans[i] = [2]int{a, b}
	if s.buckets != nil {
		s.index(i)
	}
}

// index records span i in the buckets it touches (again, for a grown
// span: first skips what it has seen).
func (s *spanSet) index(i int) {
	a, b := s.spans[i][0], s.spans[i][1]
	if a >= b {
		return // overlaps nothing: a < x.end && b > x.start fails
	}
	last := (b - 1) / bucketWidth
	if last >= len(s.buckets) {
		s.buckets = append(s.buckets, make([][]int32, last+1-len(s.buckets))...)
	}
	for k := max(a, 0) / bucketWidth; k <= last; k++ {
		if n := len(s.buckets[k]); n == 0 || s.buckets[k][n-1] != int32(i) && !containsIndex(s.buckets[k], int32(i)) {
			s.buckets[k] = append(s.buckets[k], int32(i))
		}
	}
}

func containsIndex(xs []int32, i int32) bool {
	for _, x := range xs {
		if x == i {
			return true
		}
	}
	return false
}

// first returns the lowest index of a range that [a, b) overlaps (a <
// end && b > start), or -1.
func (s *spanSet) first(a, b int) int {
	if s.buckets == nil {
		for i, x := range s.spans {
			if a < x[1] && b > x[0] {
				return i
			}
		}
		return -1
	}
	if a >= b {
		// an empty or reversed range overlaps only ranges around it; no
		// scanner asks this, but the answer must not depend on buckets
		for i, x := range s.spans {
			if a < x[1] && b > x[0] {
				return i
			}
		}
		return -1
	}
	best := -1
	last := min((b-1)/bucketWidth, len(s.buckets)-1)
	for k := max(a, 0) / bucketWidth; k <= last; k++ {
		for _, i := range s.buckets[k] {
			x := s.spans[i]
			if (best < 0 || int(i) < best) && a < x[1] && b > x[0] {
				best = int(i)
			}
		}
	}
	return best
}
