package train

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Gradient-boosted shallow trees: the non-linear model the trainer weighs
// against the logistic regression. A linear model over the rules' cues
// adds up "a study word", "a quantity" and "a page that talks to you" the
// same way in every article; a tree can say that a study word counts in a
// news story and not in a page's own verdict, or that a quantity counts
// unless the cited sentence after it says the same. It is written here
// rather than taken from a library for the reasons the logistic
// regression is: the project takes no ML dependency, the model must be
// plain Go data in weights_gen.go, and training must be deterministic (a
// fixed seed for the columns each tree may use, sums in example order, no
// threads) so that the committed model can be rebuilt byte for byte.

// TreeOptions set a boosting run.
type TreeOptions struct {
	// Dim is the number of inputs read: inputs at Dim and above (the
	// hashed words) are ignored.
	Dim int
	// Keep, when set, says which inputs the trees may split on.
	Keep func(index int) bool
	// Trees is the number of trees, Depth the most splits from the root
	// to a leaf, MinLeaf the fewest training examples in a leaf.
	Trees, Depth, MinLeaf int
	// Shrink scales each tree's leaves (the learning rate); Lambda is the
	// L2 penalty on a leaf's value.
	Shrink, Lambda float64
	// ColSample is the share of the usable inputs each tree may split on,
	// drawn from Seed.
	ColSample float64
	Seed      uint64
	// BaseInput, when not negative, is the input whose value times
	// BaseScale is where every example's log-odds start (the rules' own
	// score): the trees then learn where the rules are wrong.
	BaseInput int
	BaseScale float64
	// Linear, when set, names inputs whose weighted sum joins the
	// starting log-odds beside the base input's: their weights and the
	// base input's scale are fitted together with the bias (a logistic
	// regression on those inputs alone, Newton steps) before the first
	// tree, so that the score moves smoothly with them, and the trees
	// learn what that line gets wrong. Without it a tree can only step:
	// a few hundred depth-3 trees splitting one input at the same few
	// quantiles add up to one cliff, where a sentence's score falls from
	// 0.9 to 0.3 as the input crosses one cut. The weights are kept to
	// four decimals, as weights_gen.go writes them.
	Linear []int
}

// Node is a node of a tree. A leaf has Feature -1 and holds Value, the
// log-odds it adds; a split sends an example whose input Feature is at most
// Threshold (an input not given is 0) to Left, others to Right.
type Node struct {
	Feature     int
	Threshold   float64
	Left, Right int
	Value       float64
}

// Forest is a trained tree ensemble: the log-odds of an example are Bias,
// plus BaseScale times its input BaseInput when that is not negative, plus
// the value of the leaf it reaches in each tree.
type Forest struct {
	Bias      float64
	BaseInput int
	BaseScale float64
	// Linear holds the inputs of TreeOptions.Linear and their weights.
	Linear []Term
	Nodes  []Node
	Roots  []int
}

// Term is an input of a forest's linear start and its weight.
type Term struct {
	Input  int
	Weight float64
}

// Prob is the forest's probability that e is a claim.
func (f Forest) Prob(e Example) float64 {
	x := func(k int) float64 {
		for _, in := range e.Inputs {
			if in.Index == k {
				return in.Value
			}
		}
		return 0
	}
	z := f.Bias
	if f.BaseInput >= 0 {
		z += float64(f.BaseScale * x(f.BaseInput))
	}
	for _, t := range f.Linear {
		z += float64(t.Weight * x(t.Input))
	}
	for _, r := range f.Roots {
		n := f.Nodes[r]
		for n.Feature >= 0 {
			if x(n.Feature) <= n.Threshold {
				n = f.Nodes[n.Left]
			} else {
				n = f.Nodes[n.Right]
			}
		}
		z += n.Value
	}
	return sigmoid(z)
}

// maxBins is the most split points tried on one input: quantiles of its
// values, enough for the shares and counts the inputs hold.
const maxBins = 32

// binned is the training set as the trees read it: each example's non-zero
// inputs as (input, bin) while it is built, and for each input its split
// points and the bin of the value 0.
type binned struct {
	rows  [][]cell
	cuts  [][]float64 // per input: go left when value <= cuts[b]
	zeroB []int       // per input: the bin of 0
	// bins holds every example's bin of every input with split points,
	// a row of ncol bytes per example (col[input] is the input's column),
	// so that sending a node's examples down a split reads one byte each
	// rather than searching the example's inputs.
	bins []uint8
	col  []int
	ncol int
	// at holds, for each example, where each of its non-zero inputs falls
	// in a node's histogram: the histogram is one slice of every input's
	// bins side by side (input f's from off[f]), so that filling it reads
	// one small number per input rather than an (input, bin) pair and a
	// slice per input. inputOf is the input of each histogram slot.
	at      [][]int32
	off     []int
	inputOf []int32
	nhist   int
}

type cell struct{ f, b int }

// binOf is the bin of v among cuts: the first cut v is at most, or
// len(cuts) when v exceeds them all.
func binOf(cuts []float64, v float64) int {
	b, _ := slices.BinarySearch(cuts, v)
	return b
}

func bin(examples []Example, o TreeOptions) binned {
	vals := make([][]float64, o.Dim)
	count := make([]int, o.Dim)
	for _, e := range examples {
		for _, in := range e.Inputs {
			if in.Index < o.Dim && (o.Keep == nil || o.Keep(in.Index)) && in.Value != 0 {
				vals[in.Index] = append(vals[in.Index], in.Value)
				count[in.Index]++
			}
		}
	}
	bd := binned{cuts: make([][]float64, o.Dim), zeroB: make([]int, o.Dim)}
	for f, v := range vals {
		if len(v) == 0 {
			continue
		}
		if count[f] < len(examples) {
			v = append(v, 0) // the examples without the input
		}
		slices.Sort(v)
		v = slices.Compact(v)
		// Split points halfway between neighbouring values, at most
		// maxBins of them, spread over the distinct values.
		step := max(1, (len(v)+maxBins-1)/maxBins)
		var cuts []float64
		for k := step - 1; k+1 < len(v); k += step {
			cuts = append(cuts, (v[k]+v[k+1])/2)
		}
		bd.cuts[f] = cuts
		bd.zeroB[f] = binOf(cuts, 0)
	}
	bd.rows = make([][]cell, len(examples))
	for i, e := range examples {
		for _, in := range e.Inputs {
			if in.Index < o.Dim && bd.cuts[in.Index] != nil && in.Value != 0 {
				bd.rows[i] = append(bd.rows[i], cell{in.Index, binOf(bd.cuts[in.Index], in.Value)})
			}
		}
	}
	bd.off = make([]int, o.Dim)
	for f, c := range bd.cuts {
		bd.off[f] = -1
		if c != nil {
			bd.off[f] = bd.nhist
			for range len(c) + 1 {
				bd.inputOf = append(bd.inputOf, int32(f))
			}
			bd.nhist += len(c) + 1
		}
	}
	bd.at = make([][]int32, len(examples))
	for i, row := range bd.rows {
		at := make([]int32, len(row))
		for k, c := range row {
			at[k] = int32(bd.off[c.f] + c.b)
		}
		bd.at[i] = at
	}
	bd.col = make([]int, o.Dim)
	var zeroRow []uint8
	for f, c := range bd.cuts {
		bd.col[f] = -1
		if c != nil {
			bd.col[f] = bd.ncol
			bd.ncol++
			zeroRow = append(zeroRow, uint8(bd.zeroB[f])) // at most maxBins
		}
	}
	bd.bins = make([]uint8, len(examples)*bd.ncol)
	for i, row := range bd.rows {
		r := bd.bins[i*bd.ncol : (i+1)*bd.ncol]
		copy(r, zeroRow)
		for _, c := range row {
			r[bd.col[c.f]] = uint8(c.b)
		}
	}
	bd.rows = nil // read through at and bins from here on
	return bd
}

// TrainTrees fits a forest to the examples by gradient boosting with
// second-order (Newton) leaf values: each tree is grown on the gradient
// and curvature of the log-loss of the trees before it, splitting a node
// where the gain is largest, and its leaves scaled by Shrink.
func TrainTrees(examples []Example, o TreeOptions) Forest {
	bd := bin(examples, o)
	f := Forest{BaseInput: o.BaseInput, BaseScale: o.BaseScale}
	n := len(examples)
	z := make([]float64, n)
	y := make([]float64, n)
	pos := 0.0
	for i, e := range examples {
		if e.Claim {
			y[i] = 1
			pos++
		}
		if o.BaseInput >= 0 && len(o.Linear) == 0 {
			for _, in := range e.Inputs {
				if in.Index == o.BaseInput {
					z[i] = float64(o.BaseScale * in.Value)
				}
			}
		}
	}
	if len(o.Linear) > 0 {
		// The line's scale for the base input replaces BaseScale.
		f.BaseScale, f.Linear = fitLinear(examples, y, o)
		for i, e := range examples {
			for _, in := range e.Inputs {
				if in.Index == o.BaseInput {
					z[i] += float64(f.BaseScale * in.Value)
				}
				for _, t := range f.Linear {
					if in.Index == t.Input {
						z[i] += float64(t.Weight * in.Value)
					}
				}
			}
		}
	}
	// The bias: a few Newton steps on the log-odds shared by all.
	for range 8 {
		var g, h float64
		for i := range n {
			p := sigmoid(z[i] + f.Bias)
			g += p - y[i]
			h += float64(p * (1 - p))
		}
		if h > 0 {
			f.Bias -= g / (h + 1e-9)
		}
	}
	for i := range z {
		z[i] += f.Bias
	}
	var usable []int
	for k, c := range bd.cuts {
		if len(c) > 0 {
			usable = append(usable, k)
		}
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x7ee5))
	g := make([]float64, n)
	h := make([]float64, n)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	gr := grower{bd: &bd, o: o, g: g, h: h, z: z, inCols: make([]bool, o.Dim), rows: make([]int, n), scratch: make([]int, n)}
	for range o.Trees {
		for i := range n {
			p := sigmoid(z[i])
			g[i] = p - y[i]
			h[i] = float64(p * (1 - p))
		}
		cols := usable
		if o.ColSample > 0 && o.ColSample < 1 {
			cols = slices.Clone(usable)
			rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
			cols = cols[:max(1, int(math.Round(o.ColSample*float64(len(cols)))))]
			slices.Sort(cols)
		}
		for _, c := range cols {
			gr.inCols[c] = true
		}
		gr.cols = cols
		gr.allCols = len(cols) == len(usable)
		root := len(f.Nodes)
		copy(gr.rows, all)
		gr.grow(&f, gr.rows, 0)
		f.Roots = append(f.Roots, root)
		for _, c := range cols {
			gr.inCols[c] = false
		}
	}
	return f
}

// grower grows one tree on the current gradients.
type grower struct {
	bd     *binned
	o      TreeOptions
	g, h   []float64
	z      []float64 // each example's log-odds so far: a leaf adds its value to its examples'
	cols   []int
	inCols []bool
	// hist holds, per column and bin, the sums of gradient and
	// curvature and the count of a node's examples (column c's bins from
	// bd.off[c]).
	hist []stat
	// allCols is set when the tree may split on every column with split
	// points, so that no example's input needs the test of inCols.
	allCols bool
	// rows holds the examples of the tree being grown, each node's a
	// slice of it; scratch is where a split puts its right side aside.
	rows, scratch []int
}

type stat struct {
	g, h float64
	n    int
}

// grow appends the node for the examples rows at depth d, and its subtree,
// and returns its index; each leaf moves its examples' log-odds by its
// value.
func (gr *grower) grow(f *Forest, rows []int, d int) int {
	var G, H float64
	for _, i := range rows {
		G += gr.g[i]
		H += gr.h[i]
	}
	me := len(f.Nodes)
	leaf := func() int {
		v := float64(gr.o.Shrink * -G / (H + gr.o.Lambda))
		f.Nodes = append(f.Nodes, Node{Feature: -1, Value: v})
		for _, i := range rows {
			gr.z[i] += v
		}
		return me
	}
	if d >= gr.o.Depth || len(rows) < 2*gr.o.MinLeaf {
		return leaf()
	}
	feat, cut, ok := gr.bestSplit(rows, G, H)
	if !ok {
		return leaf()
	}
	f.Nodes = append(f.Nodes, Node{})
	// Split rows in place, each side in the order it had: the left side
	// to the front, the right one through the scratch row after it.
	nl, right := 0, gr.scratch[:0]
	for _, i := range rows {
		if gr.binOfRow(i, feat) <= cut {
			rows[nl] = i
			nl++
		} else {
			right = append(right, i)
		}
	}
	copy(rows[nl:], right)
	left, right := rows[:nl], rows[nl:]
	f.Nodes[me] = Node{Feature: feat, Threshold: gr.bd.cuts[feat][cut]}
	l := gr.grow(f, left, d+1)
	r := gr.grow(f, right, d+1)
	f.Nodes[me].Left, f.Nodes[me].Right = l, r
	return me
}

func (gr *grower) binOfRow(i, feat int) int {
	return int(gr.bd.bins[i*gr.bd.ncol+gr.bd.col[feat]])
}

// bestSplit finds the column and bin whose split of rows gains most, with
// at least MinLeaf examples on each side; ties go to the first found.
func (gr *grower) bestSplit(rows []int, G, H float64) (feat, cut int, ok bool) {
	if gr.hist == nil {
		gr.hist = make([]stat, gr.bd.nhist)
	}
	for _, c := range gr.cols {
		clear(gr.histOf(c))
	}
	// The same sums, added in the same order, as an (input, bin) walk.
	for _, i := range rows {
		gi, hi := gr.g[i], gr.h[i]
		if gr.allCols {
			for _, k := range gr.bd.at[i] {
				s := &gr.hist[k]
				s.g += gi
				s.h += hi
				s.n++
			}
			continue
		}
		for _, k := range gr.bd.at[i] {
			if gr.inCols[gr.bd.inputOf[k]] {
				s := &gr.hist[k]
				s.g += gi
				s.h += hi
				s.n++
			}
		}
	}
	lam := gr.o.Lambda
	parent := float64(G*G) / (H + lam)
	best := 1e-6 // a split must gain something
	for _, c := range gr.cols {
		hist := gr.histOf(c)
		// The examples without the input sit in the bin of 0: the
		// node's sums less those of the examples with it.
		var sg, sh float64
		sn := 0
		for _, s := range hist {
			sg += s.g
			sh += s.h
			sn += s.n
		}
		z := &hist[gr.bd.zeroB[c]]
		z.g += G - sg
		z.h += H - sh
		z.n += len(rows) - sn
		var lg, lh float64
		ln := 0
		for b := 0; b+1 < len(hist); b++ {
			lg += hist[b].g
			lh += hist[b].h
			ln += hist[b].n
			if ln < gr.o.MinLeaf || len(rows)-ln < gr.o.MinLeaf {
				continue
			}
			rg, rh := G-lg, H-lh
			gain := float64(lg*lg)/(lh+lam) + float64(rg*rg)/(rh+lam) - parent
			if gain > best {
				best, feat, cut, ok = gain, c, b, true
			}
		}
	}
	return feat, cut, ok
}

// histOf is column c's part of the histogram.
func (gr *grower) histOf(c int) []stat {
	o := gr.bd.off[c]
	return gr.hist[o : o+len(gr.bd.cuts[c])+1]
}

// fitLinear fits the linear start of TreeOptions.Linear: a logistic
// regression over the base input (when there is one) and the Linear
// inputs with a bias, by Newton steps with a small ridge penalty on the
// weights, in example order, so that the same examples always give the
// same weights. It returns the base input's scale and the Linear inputs'
// weights, rounded to four decimals; the bias is fitted again after it,
// with the trees' own.
func fitLinear(examples []Example, y []float64, o TreeOptions) (scale float64, terms []Term) {
	var cols []int
	if o.BaseInput >= 0 {
		cols = append(cols, o.BaseInput)
	}
	cols = append(cols, o.Linear...)
	k := len(cols) + 1 // the bias last
	w := make([]float64, k)
	if o.BaseInput >= 0 {
		w[0] = o.BaseScale
	}
	x := make([]float64, k)
	const ridge = 1.0
	row := func(e Example) []float64 {
		clear(x)
		x[k-1] = 1
		for _, in := range e.Inputs {
			for c, col := range cols {
				if in.Index == col {
					x[c] = in.Value
				}
			}
		}
		return x
	}
	// loss is the penalised log-loss at v: a Newton step that does not
	// lower it is halved, so that a start far from the line (a scale of 4
	// on inputs of a few units leaves most examples far out on the curve,
	// where a full step overshoots) still converges.
	loss := func(v []float64) float64 {
		l := 0.0
		for i, e := range examples {
			x := row(e)
			z := 0.0
			for a := range k {
				z += float64(v[a] * x[a])
			}
			// log(1 + e^z) - y·z, computed without overflow.
			l += max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - float64(y[i]*z)
		}
		for a := range k - 1 {
			l += float64(ridge / 2 * v[a] * v[a])
		}
		return l
	}
	for range 25 {
		g := make([]float64, k)
		h := make([][]float64, k)
		for a := range h {
			h[a] = make([]float64, k)
		}
		for i, e := range examples {
			x := row(e)
			z := 0.0
			for a := range k {
				z += float64(w[a] * x[a])
			}
			p := sigmoid(z)
			r := p - y[i]
			q := float64(p * (1 - p))
			for a := range k {
				g[a] += float64(r * x[a])
				for b := range k {
					h[a][b] += float64(q * x[a] * x[b])
				}
			}
		}
		for a := range k - 1 {
			g[a] += float64(ridge * w[a])
			h[a][a] += ridge
		}
		step, ok := solve(h, g)
		if !ok {
			break
		}
		before := loss(w)
		next := make([]float64, k)
		for range 40 {
			for a := range k {
				next[a] = w[a] - step[a]
			}
			if loss(next) <= before {
				break
			}
			for a := range k {
				step[a] /= 2
			}
		}
		moved := 0.0
		for a := range k {
			w[a] = next[a]
			moved = max(moved, math.Abs(step[a]))
		}
		if moved < 1e-9 {
			break
		}
	}
	round := func(v float64) float64 { return math.Round(v*1e4) / 1e4 }
	c := 0
	if o.BaseInput >= 0 {
		scale = round(w[0])
		c = 1
	}
	for j, in := range o.Linear {
		terms = append(terms, Term{Input: in, Weight: round(w[c+j])})
	}
	return scale, terms
}

// solve solves h·s = g by Gaussian elimination with partial pivoting; ok
// is false when h is singular.
func solve(h [][]float64, g []float64) (s []float64, ok bool) {
	k := len(g)
	m := make([][]float64, k)
	for a := range k {
		m[a] = append(slices.Clone(h[a]), g[a])
	}
	for c := range k {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, false
		}
		m[c], m[p] = m[p], m[c]
		for r := range k {
			if r == c {
				continue
			}
			f := m[r][c] / m[c][c]
			for j := c; j <= k; j++ {
				m[r][j] -= float64(f * m[c][j])
			}
		}
	}
	s = make([]float64, k)
	for a := range k {
		s[a] = m[a][k] / m[a][a]
	}
	return s, true
}
