package extract

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/textscan"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// Narrative facts: figures in sentences, with the clause that describes
// them, their entity and their period where the sentence gives one.

// number is a figure found in a sentence.
type number struct {
	start, end int // byte offsets in the sentence
	value      decimal.Decimal
	unit       string
	approx     bool
	neg        bool
}

var (
	// $30,023,000  $2.9 million  $.16  $(0.42)  ($0.23)  $14.88 billion
	reMoney = lazy.NewRegexp(`(?i)(\(\s*)?\$\s?(\(\s*)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(\s*\))?(?:\s*(thousand|million|billion|trillion|mm|bn)(?:\d{1,2})?\b)?`)
	// 11%  3.6 percent  (0.7)%  1.5 percentage points
	rePercent = lazy.NewRegexp(`(?i)(\(\s*)?([-–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(\s*\))?\s*(%|percent\b|per\s+cent\b|percentage\s+points?\b)`)
	// 61,342  31 employees  876 thousand  1.3 million units
	reBare = lazy.NewRegexp(`(?i)(?:^|[^\w$.,/:-])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(thousand|million|billion)\b)?`)
	// a sentence boundary: end mark, space, then a capital, quote or digit
	reApproxWord    = lazy.NewRegexp(`(?i)\b(approximately|about|roughly|nearly|almost|around|over|more than|less than|some|up to|approx\.?)\s*$`)
	reIncludeCut    = lazy.NewRegexp(`(?i)\b(includes?|included|including|excludes?|excluded|excluding|consist(?:s|ed|ing)?\s+of|comprised\s+of)\b`)
	reContrastCut   = lazy.NewRegexp(`(?i)\b(compared\s+(?:to|with)|versus|vs\.?|whereas|while)\b`)
	reContrast      = lazy.NewRegexp(`\b(from|compared|versus|vs\.?|against|while|whereas|but)\b`)
	reListMarker    = lazy.NewRegexp(`(?:^|\s|:)\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x|[a-h])\)\s`)
	rePerShareAf    = lazy.NewRegexp(`(?i)^\s*(?:per\s+(?:basic\s+|diluted\s+|common\s+|fully\s+diluted\s+)?share|a\s+share|per\s+diluted|per\s+common|(?:diluted\s+|basic\s+)?eps\b)`)
	reChangeSubject = lazy.NewRegexp(`(?i)^(?:an?\s+|the\s+)?(increases?|increased|decreases?|decreased|higher|lower|reduced|reductions?|growth|declines?|declined)\s+(?:in\s+)?[a-z]`)
	rePerShareDesc  = lazy.NewRegexp(`(?i)\bper\s+(?:basic\s+|diluted\s+|common\s+)?share\b|\beps\b`)
	reEarningsWord  = lazy.NewRegexp(`\b(earnings|earned|income|profit|loss|losses|eps|net)\b`)
	reEffectWord    = lazy.NewRegexp(`\b(charges?|costs?|expenses?|gains?|impact|effects?|items?|benefit|tax|severance|restructuring|impairment|depreciation|reserves?)\b`)
	reGrowthNoun    = lazy.NewRegexp(`(?i)\b(growth|increase|decrease|decline|gain|rise|drop|improvement|reduction)$`)
	reDeclineNoun   = lazy.NewRegexp(`(?i)\b(decrease|decline|drop|reduction)$`)
	reOrdinalTail   = lazy.NewRegexp(`^\s?(?:st|nd|rd|th)\b`)
	reCents         = lazy.NewRegexp(`(?i)^cents?\b`)
	reRangePerShare = lazy.NewRegexp(`(?i)^\s*(?:to|and|-|–)\s*\$\s?\d[\d,]*(?:\.\d+)?\s+(?:per|a)\s+(?:diluted\s+|basic\s+)?share`)
	rePhoneish      = lazy.NewRegexp(`\(\d{3}\)\s*\d{3}-?\s*\d{4}|\d{3}-\d{3}-\d{4}|\d{1,2}:\d\d|\b\d-\d{3}-\d{3}-\d{4}\b`)
	reDividendWord  = lazy.NewRegexp(`(?i)dividend`)
	reBookValue     = lazy.NewRegexp(`(?i)book\s+value`)
	reLeadingThe    = lazy.NewRegexp(`^(?i:the\s+)`)
	reListSep       = lazy.NewRegexp(`,\s*(?:and\s+)?|\s+and\s+`)
)

var abbrevs = map[string]bool{"inc": true, "co": true, "corp": true, "ltd": true, "mr": true, "ms": true, "mrs": true, "dr": true,
	"st": true, "no": true, "vs": true, "approx": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "e.g": true, "i.e": true, "etc": true,
	"p.m": true, "a.m": true, "l.p": true, "n.a": true, "jr": true, "sr": true, "fig": true}

// sentences splits text into sentences, returning their byte ranges.
func sentences(t string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(t) && strings.ContainsRune(`"')]”’`, rune(t[j])) {
			j++
		}
		if j >= len(t) || t[j] != ' ' {
			continue
		}
		k := j
		for k < len(t) && t[k] == ' ' {
			k++
		}
		if k >= len(t) {
			break
		}
		r := rune(t[k])
		if !(unicode.IsUpper(r) || r == '"' || r == '“' || r == '(' || unicode.IsDigit(r) || t[k] == 0xe2) {
			continue
		}
		if c == '.' {
			// an abbreviation or initial does not end a sentence
			w := i
			for w > 0 && t[w-1] != ' ' {
				w--
			}
			word := strings.ToLower(strings.Trim(t[w:i], "(\"'"))
			if abbrevs[word] || len(word) == 1 && word != "" && unicode.IsLetter(rune(word[0])) {
				continue
			}
		}
		out = append(out, [2]int{start, j})
		start = k
	}
	if start < len(t) {
		out = append(out, [2]int{start, len(t)})
	}
	return out
}

var percentDigits = strings.NewReplacer(",", "", "–", "-")

// hasDigit reports an ASCII digit in s.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// phoneHint reports what every match of rePhoneish has: a digit before
// '-' or ':', or '(' before a digit.
func phoneHint(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if isDigit(s[i]) && (s[i+1] == '-' || s[i+1] == ':') || s[i] == '(' && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

// containsPer reports "per" in s, in any case: rePercent needs "%" or it
// (no non-ASCII char folds to p, e or r).
func containsPer(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i]|0x20 == 'p' && s[i+1]|0x20 == 'e' && s[i+2]|0x20 == 'r' {
			return true
		}
	}
	return false
}

// raw is the figure as printed.
func (n number) raw(s string) string { return s[n.start:n.end] }

// numbersIn finds the figures of a sentence: money, percentages, and counts.
func numbersIn(s string) []number {
	if !hasDigit(s) {
		return nil // every figure has a digit (\d is ASCII)
	}
	var out []number
	v := vocab.Default()
	taken := make([]bool, len(s)+1)
	mark := func(a, b int) {
		for i := a; i < b && i < len(taken); i++ {
			taken[i] = true
		}
	}
	isTaken := func(a, b int) bool {
		for i := a; i < b && i < len(taken); i++ {
			if taken[i] {
				return true
			}
		}
		return false
	}
	// (the periods first: scanning them finds the dates too, with the
	// text lowered once, and DateSpans then has them remembered)
	periods := period.ScanPeriods(s)
	// dates, times and phone numbers are not figures
	for _, d := range period.DateSpans(s) {
		mark(d[0], d[1])
	}
	if phoneHint(s) {
		for _, m := range rePhoneish.FindAllStringIndex(s, -1) {
			mark(m[0], m[1])
		}
	}
	for _, m := range periods {
		// quarter names like "2Q04" and years; the amounts inside "$30 million" are not periods
		if m.Period.FQ > 0 || m.YearOnly || m.Period.Months > 0 {
			txt := s[m.Start:m.End]
			if !strings.Contains(txt, "$") {
				mark(m.Start, m.End)
			}
		}
	}
	var money [][]int
	if strings.IndexByte(s, '$') >= 0 {
		money = findAt(s, moneyAt, moneyStart)
	}
	for _, m := range money {
		if isTaken(m[0], m[1]) {
			continue
		}
		num := s[m[6]:m[7]]
		d, err := decimal.NewFromString(strings.ReplaceAll(num, ",", ""))
		if err != nil {
			continue
		}
		n := number{start: m[0], end: m[1], unit: USD}
		if (m[2] >= 0 || m[4] >= 0) && m[8] >= 0 {
			n.neg = true
		}
		if m[10] >= 0 {
			if p, ok := v.Scale(s[m[10]:m[11]]); ok {
				d = d.Shift(p)
				n.approx = true
			}
		}
		if rePerShareAf.MatchString(s[m[1]:]) || reRangePerShare.MatchString(s[m[1]:]) {
			n.unit = PerShare
		}
		if n.neg {
			d = d.Neg()
		}
		n.value = d
		if reApproxWord.MatchString(textscan.Tail(s[:m[0]], 2)) {
			n.approx = true
		}
		out = append(out, n)
		mark(m[0], m[1])
	}
	var pcts [][]int
	if strings.IndexByte(s, '%') >= 0 || containsPer(s) {
		pcts = findAt(s, percentAt, percentStart)
	}
	for _, m := range pcts {
		if isTaken(m[0], m[1]) {
			continue
		}
		num := percentDigits.Replace(s[m[4]:m[5]])
		d, err := decimal.NewFromString(num)
		if err != nil {
			continue
		}
		n := number{start: m[0], end: m[1], unit: Percent}
		if m[2] >= 0 && m[6] >= 0 {
			d = d.Neg()
			n.neg = true
		}
		n.value = d
		if reApproxWord.MatchString(textscan.Tail(s[:m[0]], 2)) {
			n.approx = true
		}
		out = append(out, n)
		mark(m[0], m[1])
	}
	for _, m := range findAt(s, bareAt, bareStart) {
		a, b := m[2], m[3]
		end := b
		if m[4] >= 0 {
			end = m[5]
		}
		if isTaken(a, end) {
			continue
		}
		num := s[a:b]
		digits := strings.ReplaceAll(num, ",", "")
		// identifiers (passcodes, zip codes) and list numbers are not figures
		if !strings.Contains(num, ",") && len(digits) >= 5 && !strings.Contains(num, ".") {
			continue
		}
		if b < len(s) && (s[b] == ')' || s[b] == '-' || s[b] == '/') || a > 0 && (s[a-1] == '(' || s[a-1] == '#' || s[a-1] == '-') {
			continue
		}
		if reOrdinalTail.MatchString(s[b:]) {
			continue // "53rd week", "24th St"
		}
		rest := strings.TrimLeft(s[end:], " ")
		// a bare figure counts something named right after it ("31 employees",
		// "445 stores"), or stands as an amount set off by commas ("by 61,342,")
		if !(len(rest) > 0 && unicode.IsLetter(rune(rest[0])) || strings.Contains(num, ",")) {
			continue
		}
		if prev := lastWords(s[:a], 1); len(prev) > 0 && unicode.IsUpper(rune(prev[0])) && !strings.Contains(num, ",") && m[4] < 0 {
			continue // "Section 21E", "Form 10 Q", "Item 7"
		}
		d, err := decimal.NewFromString(digits)
		if err != nil {
			continue
		}
		n := number{start: a, end: end, unit: Count}
		switch {
		case reCents.MatchString(rest):
			// "27 cents per share"
			d = d.Shift(-2)
			n.unit = USD
			if rePerShareAf.MatchString(strings.TrimPrefix(reCents.FindString(rest)+" ", reCents.FindString(rest))) || strings.Contains(strings.ToLower(firstWords(rest, 4)), "share") {
				n.unit = PerShare
			}
			n.end = end + (len(s[end:]) - len(rest)) + len(reCents.FindString(rest))
		case rePerShareAf.MatchString(rest):
			n.unit = PerShare
		}
		if m[4] >= 0 {
			if p, ok := v.Scale(s[m[4]:m[5]]); ok {
				d = d.Shift(p)
			}
		}
		n.value = d
		if reApproxWord.MatchString(textscan.Tail(s[:a], 2)) {
			n.approx = true
		}
		out = append(out, n)
		mark(a, end)
	}
	sortNumbers(out)
	return out
}

// sortNumbers orders figures by start, keeping the order of equal ones
// (an insertion sort of the three kinds found one after another cost time
// quadratic in a long sentence).
func sortNumbers(ns []number) {
	slices.SortStableFunc(ns, func(a, b number) int { return cmp.Compare(a.start, b.start) })
}

// clauses splits a sentence at semicolons and list markers ("(i)", "(b)").
func clauses(s string) [][2]int {
	var cuts []int
	for i, c := range s {
		if c == ';' {
			cuts = append(cuts, i+1)
		}
	}
	var markers [][]int
	if strings.IndexByte(s, ')') >= 0 {
		// every list marker ends in ")"
		markers = reListMarker.FindAllStringIndex(s, -1)
	}
	for _, m := range markers {
		k := m[0]
		for k < len(s) && (s[k] == ' ' || s[k] == ':') {
			k++
		}
		cuts = append(cuts, k)
	}
	slices.Sort(cuts)
	var out [][2]int
	start := 0
	for _, c := range cuts {
		if c > start {
			out = append(out, [2]int{start, c})
			start = c
		}
	}
	out = append(out, [2]int{start, len(s)})
	return out
}

var (
	rePriorWords  = lazy.NewRegexp(`(?i)^[\s,]*(?:in|for|during|of)?\s*(?:the|a|its|our)?\s*(prior[\s-]year|prior|previous[\s-]year|previous|year[\s-]ago|year[\s-]earlier|last\s+year|same\s+(?:quarter|period)\s+(?:of\s+)?(?:last|the\s+prior|a)\s+year)`)
	reFromWord    = lazy.NewRegexp(`(?i)\b(from|compared\s+(?:to|with)|versus|vs\.?|against|as\s+compared\s+(?:to|with))\s*(?:a\s+(?:net\s+)?(?:loss|profit|income)\s+of\s+)?(?:approximately\s+)?$`)
	reChangeAfter = lazy.NewRegexp(`(?i)^\s*(increase|decrease|decline|improvement|reduction|rise|drop|gain|growth|higher|lower|up|down|more|less|better|worse)\b`)
	reChangeBefor = lazy.NewRegexp(`(?i)\b(increased|decreased|declined|grew|rose|fell|dropped|improved|reduced|up|down|increase\s+of|decrease\s+of|decline\s+of|reduction\s+of|growth\s+of|improvement\s+of|gain\s+of|drop\s+of|rise\s+of|by|change\s+of)\s*(?:approximately\s+|about\s+|nearly\s+)?$`)
	rePossessive  = lazy.NewRegexp(`((?:[A-Z][\w&.\-]*\s+(?:&\s+|and\s+)?){0,3}[A-Z][\w&.\-]*)(?:'s|’s|'|’)(?:\s|$)`)
	reForEntity   = lazy.NewRegexp(`(?i)\bfor\s+(?:our|the|its)\s+((?:[\w&'’\-]+\s+){0,3}?(?:segment|division|subsidiary|business|unit|region|group))\b`)
	// (only the keywords ignore case: the names of the list are capitalised)
	reRespectList = lazy.NewRegexp(`\b(?i:for|of|at|in)\s+((?:[A-Z][^,;]*?,\s*)+(?:(?i:and)\s+)?[A-Z][^,;]*?)\s+(?i:were|was|are|is|of|increased|decreased|totaled|grew|rose|fell|improved|declined)\b`)
)

// narrativeFacts reads the figures of one passage and appends them to
// facts: a long passage has hundreds of thousands, and building them in a
// slice of their own to copy onto the document's held both at once.
// names holds the normalized words of entity names the tables know, so that
// "domestic comparable store sales" keeps its metric.
func narrativeFacts(facts []Fact, p *Passage, company string, ctx *period.Period, names map[string]bool, ev *noteEvidence) []Fact {
	dm := descMemo{}
	v := vocab.Default()
	// footnote marks glued to words are read as blanks; the clause cited
	// is the printed one
	orig := p.Text
	markSpans, markNums := gluedMarks(orig, ev)
	text := maskMarks(orig, markSpans)
	for _, sr := range sentences(text) {
		sent := text[sr[0]:sr[1]]
		nums := numbersIn(sent)
		periods := figurePeriods(sent)
		// the sentence's period: one named before its first figure
		firstNum := len(sent)
		if len(nums) > 0 {
			firstNum = nums[0].start
		}
		sentPeriod := period.Period{}
		for _, m := range periods {
			if m.Start > firstNum {
				break
			}
			if !isReporting(m) {
				continue
			}
			if sentPeriod.IsZero() || sentPeriod.FQ == 0 && sentPeriod.Months == 0 && (m.Period.FQ > 0 || m.Period.Months > 0) {
				sentPeriod = m.Period
			}
		}
		if sentPeriod.IsZero() && len(nums) > 0 {
			sentPeriod = *ctx
		}
		if len(nums) == 0 {
			if !sentPeriod.IsZero() {
				*ctx = sentPeriod
			}
			continue
		}
		resp := strings.Contains(strings.ToLower(sent), "respectively")
		var respEntities []string
		if resp {
			respEntities = respectiveEntities(sent)
		}
		respIdx := 0
		var respBases []bool // "GAAP and non-GAAP gross margins were 75.0% and 75.2%, respectively"
		if resp {
			respBases = respectiveBases(sent)
		}
		basisIdx := 0
		for _, cr := range clauses(sent) {
			cl := sent[cr[0]:cr[1]]
			var cnums []number
			// nums are in order: the clause's are those from the first at its start
			k, _ := slices.BinarySearchFunc(nums, cr[0], func(n number, at int) int { return cmp.Compare(n.start, at) })
			for ; k < len(nums) && nums[k].start < cr[1]; k++ {
				if n := nums[k]; n.end <= cr[1] {
					n.start -= cr[0]
					n.end -= cr[0]
					cnums = append(cnums, n)
				}
			}
			if len(cnums) == 0 {
				continue
			}
			cper := figurePeriods(cl)
			look := newPeriodLookup(cper)
			// the first figure's words before it are cl[lo:start], as in the loop below
			lo0 := wordsFrom(cl, cnums[0].start-figureWindow)
			subject0 := clauseSubject(cl[lo0:cnums[0].start], cnums[0].start-lo0)
			subject := subject0
			if !dm.hasMetric(subject) {
				if d := descAfter(cl[cnums[0].end:]); d != "" {
					subject = d
				}
			}
			// a clause about a payment: a date "on" which is the payment's
			payClause := textscan.FoldHas(cl, payNeedles...) && rePayment.MatchString(cl)
			// the clause's own period: the first full one in the clause, else the sentence's
			var mainPeriod period.Period
			for _, m := range cper {
				if m.Start > cnums[0].start && !(len(cnums) > 0 && m.Start < cnums[0].end+60 && len(cper) > 0) {
					break
				}
				if m.Start >= cnums[0].end && notFigurePeriod(cl[cnums[0].end:m.Start], m, payClause) {
					continue
				}
				if m.Period.FQ > 0 || m.Period.Months > 0 || !m.Period.End.IsZero() || m.Period.FY > 0 {
					mainPeriod = m.Period
					break
				}
			}
			if mainPeriod.IsZero() {
				mainPeriod = sentPeriod
			}
			if mainPeriod.IsZero() {
				mainPeriod = *ctx
			}
			var respPer []period.Period
			if resp {
				respPer = respectivePeriods(cl, cnums, cper)
			}
			var lastCurrent period.Period
			prevDesc := "" // the description of the clause's figure before
			for ni, n := range cnums {
				// only the words near a figure describe it: a clause can be a
				// whole long paragraph, and reading all of it for every
				// figure cost time quadratic in its length
				lo := wordsFrom(cl, n.start-figureWindow)
				before := cl[lo:n.start]
				after := cl[n.end:wordsTo(cl, n.end+figureWindow)]
				f := Fact{Source: "text", Printed: n.raw(cl), Start: p.Start, End: p.End, Unit: n.unit, Value: n.value, Approx: n.approx,
					TableIndex: -1, RowIndex: -1, ColIndex: -1}
				f.Text = strings.TrimSpace(orig[sr[0]+cr[0] : sr[0]+cr[1]])
				for mi, sp := range markSpans {
					// the marks of the words the figure's clause gives before it
					if at := sp[0] - sr[0] - cr[0]; at >= 0 && at < n.start {
						f.marks = append(f.marks, markNums[mi]...)
					}
				}
				f.textAt = sr[0] + cr[0] + len(cl) - len(strings.TrimLeftFunc(cl, unicode.IsSpace))
				// role: prior-period figure, change, or level
				// (tail: a match of reFromWord holds at most 8 words, "as compared
				// with a net loss of approximately"; of reChangeBefor 3, of reApproxWord 2)
				prior := false
				if tb := textscan.Tail(before, 8); textscan.FoldHas(tb, fromNeedles...) {
					prior = reFromWord.MatchString(tb)
				}
				switch {
				case reChangeAfter.MatchString(after) && (n.unit == Percent || strings.HasPrefix(textscan.LowerStart(after), "increase") || strings.HasPrefix(textscan.LowerStart(after), "decrease")):
					f.Change = "change"
					if n.unit == Percent {
						f.Change = "pct_change"
					}
					w := strings.ToLower(reChangeAfter.FindStringSubmatch(after)[1])
					if v.ChangeSign(w) < 0 && f.Value.IsPositive() {
						f.Value = f.Value.Neg()
					}
				case textscan.FoldHas(textscan.Tail(before, 3), changeBeforNeedles...) && reChangeBefor.MatchString(textscan.Tail(before, 3)) && !prior:
					f.Change = "change"
					if n.unit == Percent {
						f.Change = "pct_change"
					}
					w := strings.Fields(strings.ToLower(reChangeBefor.FindStringSubmatch(textscan.Tail(before, 3))[1]))[0]
					sign := v.ChangeSign(w)
					if w == "by" {
						sign = changeDirection(before)
					}
					if sign < 0 && f.Value.IsPositive() {
						f.Value = f.Value.Neg()
					}
				}
				changeOf := ""
				if f.Change == "" && !prior {
					// "(vi) increase in depreciation and amortization costs of $329,000"
					cs := subject0 // clauseSubject(before, len(before)) of the first figure
					if ni > 0 {
						cs = changeSubject(before)
					}
					if m := reChangeSubject.FindStringSubmatchIndex(cs); m != nil {
						changeOf = strings.TrimPrefix(strings.TrimSpace(cs[m[3]:]), "in ")
					}
					if m := reChangeSubject.FindStringSubmatch(cs); m != nil {
						f.Change = "change"
						if n.unit == Percent {
							f.Change = "pct_change"
						}
						if v.ChangeSign(strings.Fields(strings.ToLower(m[1]))[0]) < 0 && f.Value.IsPositive() {
							f.Value = f.Value.Neg()
						}
					}
				}
				// period: one right after the figure, before the next figure
				nextStart := len(cl)
				if ni+1 < len(cnums) {
					nextStart = cnums[ni+1].start
				}
				var per period.Period
				found := false
				for _, m := range cper[look.from(n.end):] {
					if m.Start >= nextStart || m.Start-n.end >= 60 {
						break
					}
					if notFigurePeriod(cl[n.end:m.Start], m, payClause) {
						continue
					}
					if !reContrast.MatchString(cl[n.end:m.Start]) {
						per, found = m.Period, true
						break
					}
				}
				if !found && prior && rePriorWords.MatchString(after) {
					per, found = priorYear(mainPeriod), true
				}
				if !found {
					// the next period in the clause, when no other figure stands between
					// or the figures between are appositives ("$6,728,000, or $0.23 per
					// share, for the quarter")
					for _, m := range cper[look.from(n.end):] {
						if m.Start-n.end > figureWindow {
							break // not short
						}
						gap := strings.ToLower(cl[n.end:m.Start])
						// what stands between, other than figures, must be short: an appositive
						short := len(reMoney.ReplaceAllString(gap, "")) <= 45
						if short && !reContrast.MatchString(gap) && isReporting(m) && !notFigurePeriod(gap, m, payClause) {
							per, found = m.Period, true
						}
						break
					}
				}
				if !found {
					// the last period named before the figure
					if i := look.lastEnded(n.start, false); i >= 0 {
						per, found = cper[i].Period, true
					}
					if !found {
						per = mainPeriod
					}
					if prior && !per.IsZero() {
						per = priorYear(per)
					}
				}
				if p, ok := fromToAfter(cl, n.end, cper[look.from(n.end):]); ok && f.Change != "" {
					// "decreased $2.2 million from 2018 to 2019": a change is of
					// the later period
					per, found = p, true
				} else if f.Change != "" && lastCurrent.IsZero() {
					// "sales for the quarter ended Nov 2 decreased 0.7 percent from
					// sales for the period ended Nov 4": a change is of the period
					// named before it, not the base it is compared with
					if i := look.lastEnded(n.start, true); i >= 0 {
						per = cper[i].Period
					}
				}
				if f.Change != "" && !lastCurrent.IsZero() {
					per = lastCurrent
				} else if f.Change == "" && !prior && !per.IsZero() {
					lastCurrent = per
				}
				if ni < len(respPer) && !respPer[ni].IsZero() && f.Change == "" && !prior {
					// "$88,848, $133,514 and $138,668 during the years ended
					// December 31, 2019, 2018 and 2017, respectively"
					per = respPer[ni]
				}
				f.Period = per
				// what the figure is of: the noun phrase after it ("$1,707,000 of
				// additional charges"), else the subject before it
				local := subject0
				if ni > 0 {
					// a later figure without its own metric words shares the clause's subject
					seg := cl[cnums[ni-1].end:n.start]
					if !dm.hasMetric(seg) {
						local = subject
						if prevDesc != "" && cnums[ni-1].unit == n.unit && reListGap.MatchString(seg) {
							// "$17,076, $18,177 and $3,300": a list's figures
							// are all of what its first is
							local = prevDesc
						} else if prevDesc != "" && reAppositiveChange.MatchString(seg) {
							// "earnings per diluted share of $2.18, up 16 percent": the
							// change is of the figure before
							local = prevDesc
						} else if np := boundNoun(seg); np != "" && !wordsWithin(np, subject) {
							// "… compared with pension and benefit credits of $2.1 billion":
							// the noun phrase the figure is bound to is its own
							local = np
						}
					} else {
						local = clauseSubject(seg, len(seg))
					}
				}
				desc := local
				if d := descAfter(after); d != "" && (local == "" || strings.HasPrefix(strings.TrimSpace(strings.ToLower(after)), "of ") || n.unit == USD && !dm.hasMetric(local)) {
					desc = d
				}
				partEntity := ""
				if ni+1 < len(cnums) && cnums[ni+1].unit == n.unit {
					// "$2.9 million of the company's $30 million in revenues were
					// generated from Fetish": a part of the next figure's whole
					gap, rest := cl[n.end:cnums[ni+1].start], cl[cnums[ni+1].end:wordsTo(cl, cnums[ni+1].end+figureWindow)]
					if d := partOf(gap, rest); d != "" {
						desc = d
						if m := rePartSource.FindStringSubmatch(d); m != nil && !isCompanyName(m[1], company) {
							partEntity = m[1] // the part is the named one's
						}
					} else if d := descAfter(rest); d != "" && rePartGap.MatchString(gap) {
						// "$5.5 million of the $6.7 million of losses": a part of
						// what the whole is of
						desc = d
					}
				}
				if n.unit == Percent && f.Change == "" {
					// "our 30 percent year-over-year revenue growth": the words after say what it is
					if np := nounAfter(after); np != "" && reGrowthNoun.MatchString(np) {
						desc = np
						f.Change = "pct_change"
						if reDeclineNoun.MatchString(np) && f.Value.IsPositive() {
							f.Value = f.Value.Neg()
						}
					}
				}
				if n.unit == Count {
					if d := nounAfter(after); d != "" {
						// "shipped 876 thousand Macintosh computers", "hiring 31 employees"
						prev := lastWords(before, 1)
						if subjectTrail[strings.ToLower(prev)] || determiner[strings.ToLower(prev)] {
							prev = ""
						}
						desc = strings.TrimSpace(prev + " " + n.raw(cl) + " " + d)
					}
				}
				if desc == "" {
					desc = lastWords(before, 8)
				}
				if len(strings.Fields(desc)) < 3 && n.unit != Count && dm.keyOf(desc, n.unit, "x", names) == "" {
					if ext := firstWords(cutAt(after), 10); !reConjStart.MatchString(ext) && !onlyFunctionWords(ext) {
						// (the words after a conjunction are another figure's)
						desc = strings.TrimSpace(desc + " " + ext)
					}
				}
				if d := changedAfter(after); d != "" && ni > 0 {
					// "expenses decreased $2.2 million due to a $1.7 million
					// decrease in salary expenses": a later figure is the
					// change of the noun phrase after it
					desc = d
				}
				f.Metric = cleanDesc(desc)
				if f.Unit == USD && textscan.FoldHas(textscan.Tail(before, 10), perShareNeedles...) && mayPerShareDesc(lastWords(before, 10)) && f.Value.Abs().LessThan(decimal.NewFromInt(1000)) {
					// "profit per share was $2.86", "loss per share improved from $(1.80) to $(0.42)"
					f.Unit = PerShare
				}
				if f.Unit == USD && textscan.FoldHas(textscan.Tail(before, 8), "share") && reSharesAt.MatchString(textscan.Tail(before, 8)) {
					// "15.3 million shares at an average cost of $339.81": a price a share
					f.Unit = PerShare
				}
				if f.Unit == PerShare {
					// per-share earnings, unless the figure is a charge's or a gain's
					// per-share effect ("$41 million, or $0.12 per share, for severance")
					ctxWords := strings.ToLower(lastWords(before, 10) + " " + firstWords(cutAt(after), 6))
					if reEarningsWord.MatchString(ctxWords) && !reEffectWord.MatchString(strings.ToLower(desc+" "+firstWords(cutAt(after), 8))) {
						f.Key = "eps"
					}
					if reDividendWord.MatchString(lastWords(before, 6)) {
						f.Key = "dividends_per_share"
					}
					if reBookValue.MatchString(lastWords(before, 6)) {
						f.Key = "book_value_per_share"
					}
				} else {
					f.Key = dm.keyOf(desc, f.Unit, f.Change, names)
					if f.Key == "" && changeOf != "" {
						f.Key = dm.keyOf(changeOf, f.Unit, f.Change, names)
					}
				}
				if f.Unit == PerShare || f.Unit == Count || f.Unit == Shares {
					// "$0.89 per share ($0.88 per share on a diluted basis)": the
					// words up to the next figure or parenthesis are this figure's
					aft := after
					if i := strings.IndexAny(aft, "($"); i >= 0 {
						aft = aft[:i]
					}
					near := strings.ToLower(lastWords(before, 6) + " " + firstWords(aft, 8))
					switch {
					case strings.Contains(near, "diluted"):
						f.Basis = "diluted"
					case strings.Contains(near, "basic"):
						f.Basis = "basic"
					}
				}
				// (lastWords(before, n) is words of textscan.Tail(before, n): without the
				// needles there, no need to join them)
				if mayAdjusted(local) || textscan.FoldHas(textscan.Tail(before, 12), adjustedNeedles...) && mayAdjusted(lastWords(before, 12)) {
					f.Adjusted = true
				}
				if basisIdx < len(respBases) && n.unit == cnums[0].unit {
					f.Adjusted = respBases[basisIdx]
					basisIdx++
				}
				// entity: a respectively list, a possessive, or "for our X segment"
				if resp && len(respEntities) > 0 && respIdx < len(respEntities) && n.unit == cnums[0].unit {
					f.Entity = respEntities[respIdx]
					respIdx++
				} else {
					f.Entity = subjectEntity(local, company)
					if f.Entity == "" && ni > 0 {
						f.Entity = subjectEntity(subject, company)
					}
					if partEntity != "" {
						f.Entity = partEntity
					}
				}
				if f.Unit == Count && (strings.Contains(strings.ToLower(desc), "shares") || f.Key == "shares") {
					f.Unit = Shares
					f.Key = "shares"
				}
				lossSign(&f, desc)
				prevDesc = desc
				facts = append(facts, f)
			}
			switch {
			case !lastCurrent.IsZero():
				// "narrowed from $7.79 million in 2023 to $4.90 million in 2024": the current one carries on
				*ctx = lastCurrent
			case !mainPeriod.IsZero():
				*ctx = mainPeriod
			}
		}
		if !sentPeriod.IsZero() {
			*ctx = sentPeriod
		}
	}
	return facts
}

// reSinceGap and reEventGap end the words between a figure and a period
// phrase that is not the figure's period: the start of a span it is
// compared over ("the highest since 2007"), or the date of an event
// ("a dividend of $0.01 per share payable on April 1, 2026", "to
// shareholders of record on March 2").
var (
	reSinceGap = lazy.NewRegexp(`(?i)\bsince\s*$`)
	reEventGap = lazy.NewRegexp(`(?i)\b(?:payable|paid|record|effective)(?:\s+(?:on|as\s+of))?\s*$`)
	reOnGap    = lazy.NewRegexp(`(?i)\bon\s*$`)
	// a clause that pays or declares: its "on DATE" is the event's date, not
	// a balance's ("deposits were $300 billion on December 31")
	rePayment  = lazy.NewRegexp(`(?i)\b(?:pay|pays|paid|payable|dividends?|distributions?|declared?)\b`)
	payNeedles = []string{"pay", "paid", "dividend", "distribution", "declare"}
)

// notFigurePeriod reports a period phrase after a figure, with gap the
// words between, that does not say the figure's period (see reSinceGap);
// payClause says the clause pays or declares something.
func notFigurePeriod(gap string, m period.Mention, payClause bool) bool {
	if reSinceGap.MatchString(gap) {
		return true
	}
	return !isReporting(m) && (reEventGap.MatchString(gap) || payClause && reOnGap.MatchString(gap))
}

// reOverSpan is a comparison's span ("year over year", "year-on-year",
// "quarter over quarter"): its "year" is no twelve months of the figure.
var reOverSpan = lazy.NewRegexp(`(?i)\b(?:year|quarter|month)[\s-]+(?:over|on|to)[\s-]+(?:year|quarter|month)\b`)

var overSpanAt = anchor(reOverSpan)

// overSpanStart reports whether a match of reOverSpan can start at s[i]:
// "year", "quarter" or "month" in any case (none of their letters has a
// fold outside ASCII) at a word start, as its \b reads one: no ASCII
// word char before. The regexp ran over every sentence that holds " to ".
func overSpanStart(s string, i int) bool {
	if i > 0 && isWordChar(s[i-1]) {
		return false
	}
	switch s[i] | 0x20 {
	case 'y':
		return hasFoldPrefix(s[i:], "year")
	case 'q':
		return hasFoldPrefix(s[i:], "quarter")
	case 'm':
		return hasFoldPrefix(s[i:], "month")
	}
	return false
}

// hasFoldPrefix reports whether s starts with word (lower-case ASCII
// letters) in any ASCII case.
func hasFoldPrefix(s, word string) bool {
	return len(s) >= len(word) && textscan.IndexFold(s[:len(word)], word) == 0
}

// figurePeriods is period.ScanPeriods(s) without the mentions inside a
// comparison's span ("up 2 percent year over year").
func figurePeriods(s string) []period.Mention {
	ms := period.ScanPeriods(s)
	if len(ms) == 0 || !textscan.FoldHas(s, " over ", " on ", "-over-", "-on-", " to ") {
		return ms
	}
	spans := findAt(s, overSpanAt, overSpanStart)
	if len(spans) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		inside := false
		for _, sp := range spans {
			inside = inside || m.Start >= sp[0] && m.End <= sp[1]
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// isReporting reports a period phrase that can be a figure's period: a
// quarter, a duration, a fiscal year or a dated quarter-end, not a bare
// date in passing ("acquired in July 2003").
func isReporting(m period.Mention) bool {
	p := m.Period
	return p.FQ > 0 || p.Months > 0 || p.Kind != period.Unknown || m.Fiscal || m.YearOnly
}

// changeDirection reads "increased by" / "decreased by" before a figure.
func changeDirection(before string) int {
	ws := strings.Fields(strings.ToLower(before))
	v := vocab.Default()
	for i := len(ws) - 1; i >= 0 && i >= len(ws)-6; i-- {
		if s := v.ChangeSign(strings.Trim(ws[i], ",.")); s != 0 {
			return s
		}
	}
	return 1
}

// priorYear is the same period a year earlier.
func priorYear(p period.Period) period.Period {
	if p.IsZero() {
		return p
	}
	if p.FY != 0 {
		p.FY--
	}
	if p.End.Y != 0 {
		p.End.Y--
	}
	p.Label = ""
	return p
}

// yearOf is the year a period is named by: its end's, else its fiscal year.
func yearOf(p period.Period) int {
	if p.End.Y != 0 {
		return p.End.Y
	}
	return p.FY
}

// reBasisList is a list of two bases before the verb of a "respectively"
// sentence: "GAAP and non-GAAP gross margins were".
var reBasisList = lazy.NewRegexp(`(?i)\b(GAAP|non-GAAP|adjusted|reported)\s+and\s+(GAAP|non-GAAP|adjusted|reported)\b[^.;$%\d]*?\b(?:were|was|are|is)\b`)

// respectiveBases is whether each figure of a "respectively" list of
// bases is adjusted (non-GAAP), in order, or nil when the sentence lists
// no bases.
func respectiveBases(sent string) []bool {
	m := reBasisList.FindStringSubmatch(sent)
	if m == nil {
		return nil
	}
	return []bool{mayAdjusted(m[1]), mayAdjusted(m[2])}
}

// respectivePeriods pairs each list of a clause's figures with a list of
// as many periods ("$95.1 million and $97.2 million … for the years ended
// June 30, 2019 and 2018, respectively"; "during fiscal 2017, 2018 and
// 2019 sales were $A, $B and $C, respectively, and operating profit was
// $D, $E and $F, respectively"). It returns the period of each figure,
// zero for a figure in no such list, or nil when there is none.
func respectivePeriods(cl string, nums []number, pers []period.Mention) []period.Period {
	var out []period.Period
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j].unit == nums[i].unit && reListGap.MatchString(cl[nums[j-1].end:nums[j].start]) {
			j++
		}
		if ps := respectiveList(cl, nums[i:j], pers); ps != nil {
			if out == nil {
				out = make([]period.Period, len(nums))
			}
			copy(out[i:j], ps)
		}
		i = j
	}
	return out
}

// respectiveList pairs one list of figures with a list of as many periods:
// the figures one list of one unit, the periods one list (only commas and
// "and" between them). A bare year in the list takes the form of the
// first period ("June 30, 2018"). It returns nil when there is no such
// pair of lists.
func respectiveList(cl string, nums []number, pers []period.Mention) []period.Period {
	if len(nums) < 2 || len(pers) < len(nums) {
		return nil
	}
	// the run of periods: len(nums) matches, only list words between
	for k := 0; k+len(nums) <= len(pers); k++ {
		run := pers[k : k+len(nums)]
		ok := true
		for i := 1; i < len(run) && ok; i++ {
			ok = run[i].Start >= run[i-1].End && reListGap.MatchString(cl[run[i-1].End:run[i].Start])
		}
		if !ok || k+len(nums) < len(pers) && reListGap.MatchString(cl[run[len(run)-1].End:pers[k+len(nums)].Start]) {
			continue
		}
		first := run[0].Period
		if first.IsZero() {
			return nil
		}
		out := make([]period.Period, len(run))
		for i, m := range run {
			p := m.Period
			if y := p.FY; i > 0 && reBareYear.MatchString(cl[m.Start:m.End]) && y != 0 && yearOf(first) > y && yearOf(first)-y < 10 {
				// a bare year after a full period ("the fourth quarter of
				// fiscal 2014 and 2013"): that period, years earlier
				p = first
				for yearOf(p) > y {
					p = priorYear(p)
				}
			}
			if p.IsZero() {
				return nil
			}
			out[i] = p
		}
		return out
	}
	return nil
}

// reBareYear is a year printed alone ("2018").
var reBareYear = lazy.NewRegexp(`^(?:19|20)\d\d$`)

// reListGap is what stands between the items of a list: commas and "and".
var reListGap = lazy.NewRegexp(`^[\s,]*(?:and\s*)?$`)

// clauseSubject is what a figure is a figure of: the text before it with
// the trailing verb and function words taken off ("Joe's net sales" in
// "Joe's net sales increased to $4,394,000 …"), from the last clause
// boundary on.
func clauseSubject(cl string, at int) string {
	// period phrases are not part of what a figure is of
	head := withoutPeriods(cl[:at])
	// after a contrast ("… compared to a net loss of"), the subject starts anew
	if locs := findAllGuarded(reContrastCut, head, contrastNeedles); len(locs) > 0 {
		head = head[locs[len(locs)-1][1]:]
	}
	// and after an inclusion: "Total revenue includes SPVSS revenue of $168
	// million" is SPVSS revenue
	if locs := findAllGuarded(reIncludeCut, head, includeNeedles); len(locs) > 0 && strings.TrimSpace(head[locs[len(locs)-1][1]:]) != "" {
		head = head[locs[len(locs)-1][1]:]
	}
	// start after the last strong boundary: an earlier figure's trailing part is not the subject
	head = reListLead.ReplaceAllString(head, "")
	ws := strings.Fields(head)
	for len(ws) > 0 {
		w := strings.ToLower(strings.Trim(ws[len(ws)-1], ",;:"))
		if subjectTrail[w] || w == "" {
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	return strings.Trim(strings.Join(ws, " "), " ,;:")
}

var reListLead = lazy.NewRegexp(`^\s*(?:\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x|[a-h])\)|[*•·\-–—])\s*`)

var subjectTrail = map[string]bool{"to": true, "of": true, "was": true, "were": true, "is": true, "are": true, "by": true, "at": true,
	"approximately": true, "about": true, "nearly": true, "roughly": true, "a": true, "an": true, "the": true, "totaled": true, "totalled": true,
	"total": true, "increased": true, "decreased": true, "declined": true, "grew": true, "rose": true, "fell": true, "dropped": true,
	"improved": true, "reduced": true, "reached": true, "amounted": true, "generated": false, "be": true, "been": true, "only": true,
	"or": true, "and": true, "with": true, "from": true, "compared": true, "versus": true, "vs": true, "vs.": true, "up": true, "down": true,
	"over": true, "more": true, "than": true, "less": true, "some": true, "nearly,": true, "for": true, "in": true, "on": true,
	"came": true, "posted": false, "reported": false, "recorded": false, "narrowed": true, "widened": true, "almost": true, "around": true,
	"just": true, "under": true, "above": true, "below": true, "record": false, "respectively": true, "as": true, "equal": true}

// reSharesAt ends the words before a price paid or received a share
// ("15.3 million shares at an average cost of", "shares at $12").
var reSharesAt = lazy.NewRegexp(`(?i)\bshares\s+(?:at|for)\s+(?:(?:an?|the)\s+)?(?:(?:average|weighted[\s-]average)\s+)?(?:(?:cost|price)\s+(?:of\s+)?)?$`)

// reAppositiveChange is all that stands between a figure and its change
// set off after it ("$2.18, up 16 percent", "$5.2 million, an increase of").
var reAppositiveChange = lazy.NewRegexp(`(?i)^\s*,\s*(?:(?:up|down|an?\s+(?:increase|decrease|decline|gain|rise|drop)\s+of|increased|decreased|rising|falling|growing|declining)\s+(?:by\s+)?(?:approximately\s+|about\s+|nearly\s+)?)$`)

// reConjStart starts words that begin another clause or figure.
var reConjStart = lazy.NewRegexp(`(?i)^(?:and|or|but|while|whereas)\b`)

// reBinding ends the words before a figure that bind it to the noun
// phrase before them: "credits of $2.1 billion", "backlog was $50
// million".
var reBinding = lazy.NewRegexp(`(?i)(?:^|\s)(?:of|was|were|is|are|totaled|totalled|reached|amounted\s+to)\s+(?:(?:approximately|about|nearly|roughly|a\s+record|record)\s+)?$`)

// npStop words start no noun phrase: the phrase a figure is bound to
// begins after the last of them ("… recorded in 2019, compared with
// pension and benefit credits of").
var npStop = map[string]bool{"at": true, "in": true, "for": true, "with": true, "including": true, "included": true, "includes": true,
	"compared": true, "from": true, "to": true, "by": true, "while": true, "whereas": true, "on": true, "which": true, "that": true,
	"versus": true, "vs": true, "vs.": true, "than": true, "during": true, "recorded": true, "reported": true, "inclusive": true,
	"exclusive": true, "respectively": true}

// npHeadless are heads that say how a figure changed or refer back, not
// what it is of: such a phrase leaves the figure to its clause's subject.
var npHeadless = map[string]bool{"increase": true, "decrease": true, "growth": true, "decline": true, "gain": true, "rise": true,
	"drop": true, "improvement": true, "reduction": true, "change": true, "which": true, "it": true, "this": true, "that": true,
	"total": true, "each": true, "one": true, "all": true, "both": true, "those": true, "these": true, "them": true, "amount": true,
	"average": true, "level": true, "balance": true}

// boundNoun is the noun phrase that the words seg before a figure bind it
// to ("… compared with pension and benefit credits of" → "pension and
// benefit credits", "… shares at an average cost of" → "average cost"),
// or "" when seg does not end in a binding word or no such phrase stands
// before it.
func boundNoun(seg string) string {
	m := reBinding.FindStringIndex(seg)
	if m == nil {
		return ""
	}
	head := seg[:m[0]]
	for _, pm := range period.ScanPeriods(head) {
		head = head[:pm.Start] + strings.Repeat(",", pm.End-pm.Start) + head[pm.End:]
	}
	var ws []string
	fields := strings.Fields(head)
	for i := len(fields) - 1; i >= 0 && len(ws) < 8; i-- {
		w := fields[i]
		if strings.ContainsAny(w[len(w)-1:], ",;:()") {
			break
		}
		lw := strings.ToLower(w)
		if npStop[lw] || strings.ContainsAny(w, "$%") || hasDigit(w) {
			break
		}
		if (lw == "and" || lw == "or") && len(ws) > 0 && determiner[strings.ToLower(ws[len(ws)-1])] {
			break // "a benefit of $306 million … and a net benefit of": a new phrase
		}
		ws = append(ws, w)
		if strings.ContainsAny(w[:1], "(") {
			break
		}
	}
	slices.Reverse(ws)
	for len(ws) > 0 && (determiner[strings.ToLower(ws[0])] || subjectTrail[strings.ToLower(ws[0])]) {
		ws = ws[1:]
	}
	if len(ws) == 0 || len(ws) == 8 || npHeadless[strings.ToLower(ws[len(ws)-1])] {
		return ""
	}
	return strings.Join(ws, " ")
}

// wordsWithin reports whether every word of np is a word of s, in any
// case: "income of $325 million" after "Other income (expense) … was"
// names the subject again.
func wordsWithin(np, s string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(vocab.Normalize(s)) {
		have[w] = true
	}
	for _, w := range strings.Fields(vocab.Normalize(np)) {
		if !have[w] {
			return false
		}
	}
	return true
}

// descAfter is the noun phrase after a figure: "$1,707,000 of additional
// charges taken against the remaining Fetish inventory".
func descAfter(after string) string {
	a := strings.TrimSpace(after)
	la := strings.ToLower(a)
	if !strings.HasPrefix(la, "of ") && !strings.HasPrefix(la, "in ") {
		return ""
	}
	a = a[3:]
	if strings.HasPrefix(strings.ToLower(a), "the second") || len(period.ScanPeriods(a)) > 0 && period.ScanPeriods(a)[0].Start < 5 {
		return ""
	}
	d := firstWords(cutAtVerb(cutAt(a)), 12)
	if onlyFunctionWords(d) {
		return "" // "$5.5 million of the $6.7 million": of another figure
	}
	return d
}

// reFromGap and reToGap are what stands before and between the two
// periods of a change: "from 2018 to 2019".
var (
	reFromGap = lazy.NewRegexp(`(?i)^[^$\d]{0,20}\bfrom\s+(?:the\s+)?$`)
	reToGap   = lazy.NewRegexp(`(?i)^\s*(?:to|through)\s+(?:the\s+)?$`)
)

// fromToAfter reads "from P1 to P2" right after a figure ending at end:
// the period P2, which a change is of.
func fromToAfter(cl string, end int, pers []period.Mention) (period.Period, bool) {
	if len(pers) < 2 || pers[0].Start < end {
		return period.Period{}, false
	}
	a, b := pers[0], pers[1]
	if !reFromGap.MatchString(cl[end:a.Start]) || b.Start < a.End || !reToGap.MatchString(cl[a.End:b.Start]) || b.Period.IsZero() {
		return period.Period{}, false
	}
	return b.Period, true
}

// reChangedIn is a change noun and "in" right after a figure: "$742,000
// decrease in professional service expenses".
var reChangedIn = lazy.NewRegexp(`(?i)^\s*` + vocab.Default().Group("change_nouns") + `s?\s+in\s+`)

// reNextItem starts the next item of a list of changes: "and a", a
// figure.
var reNextItem = lazy.NewRegexp(`(?i)\s+and\s+an?\s|\s\$?\d`)

// changedAfter is the noun phrase whose change a figure is ("professional
// service expenses" after "$742,000 decrease in"), or "".
func changedAfter(after string) string {
	m := reChangedIn.FindStringIndex(after)
	if m == nil {
		return ""
	}
	a := after[m[1]:]
	if ps := period.ScanPeriods(a); len(ps) > 0 && ps[0].Start < 5 {
		return "" // "an increase in 2019"
	}
	if i := reNextItem.FindStringIndex(a); i != nil {
		a = a[:i[0]] // "CPU units and a 183 percent increase in iPods"
	}
	return firstWords(cutAtVerb(cutAt(a)), 12)
}

// onlyFunctionWords reports whether s holds no word but articles and
// prepositions ("of the"): nothing that says what a figure is.
func onlyFunctionWords(s string) bool {
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if lw != "" && !periodLeadIn[lw] && !determiner[lw] && !headStop[lw] {
			return false
		}
	}
	return true
}

// reOpeningHole is an opening phrase whose date or period was taken out:
// its leading words, then the comma that closed it.
// reInnerHole is such a hole inside a description: the comma that
// followed the period, with a space before it, and the words that led
// into the period.
var reInnerHole = lazy.NewRegexp(`(?i)(?:\s+(?:the|of|for|in|on|at|to|with|and|during|as|over|through|throughout|since|ended|ending|fiscal|end|beginning))+\s+,`)

var reOpeningHole = lazy.NewRegexp(`^(?i:(?:on|in|for|at|during|as|of|the|end|through|throughout|and|to|with)\s+)+,\s*`)

// withoutPeriods blanks the period phrases of s with the words that lead
// into them ("at the end of", "for the", "in") and the comma that closes
// an opening one, so that no broken phrase is left: "At the end of the
// first quarter of 2022, past dues at Cat Financial" is "past dues at Cat
// Financial", "business in 2003 and related" "business and related".
// Each blank keeps the byte offsets of s.
func withoutPeriods(s string) string {
	ms := period.ScanPeriods(s)
	if len(ms) == 0 {
		return s
	}
	b := []byte(s)
	for _, m := range ms {
		from, to := m.Start, m.End
		for {
			i := strings.LastIndexFunc(strings.TrimRight(s[:from], " "), func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ';' })
			w := strings.ToLower(strings.TrimSpace(s[i+1 : from]))
			if w == "" || !periodLeadIn[w] {
				break
			}
			from = i + 1
		}
		if rest := strings.TrimLeft(s[to:], " "); strings.HasPrefix(rest, ",") && strings.TrimSpace(strings.Trim(s[:from], " ,;:")) == "" {
			to = len(s) - len(rest) + 1 // the comma after an opening phrase
		}
		for i := from; i < to; i++ {
			b[i] = ' '
		}
	}
	for k := 1; k < len(ms); k++ {
		// "fiscal 2017, 2018 and 2019": the list's commas and "and" go too
		if gap := s[ms[k-1].End:ms[k].Start]; ms[k].YearOnly && ms[k].Start > ms[k-1].End && reListGap.MatchString(gap) {
			for i := ms[k-1].End; i < ms[k].Start; i++ {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// periodLeadIn are the words that lead into a period phrase: without it
// they are a broken phrase ("At the end of the , past dues").
var periodLeadIn = map[string]bool{"at": true, "the": true, "end": true, "of": true, "for": true, "in": true, "during": true,
	"on": true, "as": true, "through": true, "throughout": true, "since": true, "fiscal": true, "ended": true, "ending": true, "beginning": true}

// clauseVerbs end the noun phrase after a figure: what follows is the
// clause's predicate ("$30 million in revenues were generated from …").
var clauseVerbs = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "increased": true, "decreased": true, "rose": true, "fell": true, "grew": true, "declined": true,
	"totaled": true, "totalled": true, "compared": true, "represented": true, "reflected": true, "reflecting": true}

// cutAtVerb is s up to its first word of clauseVerbs.
func cutAtVerb(s string) string {
	i := 0
	for _, w := range strings.Fields(s) {
		j := strings.Index(s[i:], w) + i
		if clauseVerbs[strings.ToLower(w)] {
			return strings.TrimSpace(s[:j])
		}
		i = j + len(w)
	}
	return s
}

// rePartGap is what stands between a part and its whole ("$2.9 million
// of the company's $30 million"), and rePartWhole what follows the whole:
// what it is of, then the predicate that says which part ("in revenues
// were generated from Fetish").
var (
	rePartGap   = lazy.NewRegexp(`(?i)^\s*of\s+(?:(?:the|its|our|their|this|total|[\w.&-]+(?:'s|’s|'|’))\s+)*$`)
	rePartWhole = lazy.NewRegexp(`(?i)^\s*(?:in|of)\s+`)
	reCopula    = lazy.NewRegexp(`(?i)^(?:was|were|is|are|came|come|comes)$`)
)

// rePartSource is the name a part of a whole comes from ("generated from
// FetishTM and Shago").
var rePartSource = lazy.NewRegexp(`\b(?:from|by|at)\s+((?:[A-Z][\w&.'’-]*)(?:\s+(?:and\s+|&\s+)?[A-Z][\w&.'’-]*)*)`)

// partOf describes a figure that is a part of the next figure's whole,
// from the words between them (gap) and after the whole (rest): "$2.9
// million of the company's $30 million in revenues were generated from
// FetishTM and Shago" is "revenues generated from FetishTM and Shago". It
// is "" unless the whole names what it is of and a predicate follows.
func partOf(gap, rest string) string {
	if !rePartGap.MatchString(gap) {
		return ""
	}
	m := rePartWhole.FindStringIndex(rest)
	if m == nil {
		return ""
	}
	words := strings.Fields(cutAt(rest[m[1]:]))
	k := 0
	for k < len(words) && !reCopula.MatchString(words[k]) && !clauseVerbs[strings.ToLower(words[k])] {
		k++
	}
	if k == 0 || k > 4 || k >= len(words) || !reCopula.MatchString(words[k]) {
		return ""
	}
	pw := strings.Fields(withoutPeriods(strings.Join(words[k+1:], " ")))
	for len(pw) > 0 && (headStop[strings.ToLower(pw[len(pw)-1])] || determiner[strings.ToLower(pw[len(pw)-1])]) {
		pw = pw[:len(pw)-1] // "… in the second quarter of" without its period
	}
	if len(pw) == 0 || len(pw) > 10 {
		return ""
	}
	return strings.Join(words[:k], " ") + " " + strings.Join(pw, " ")
}

// nounAfter is the noun a count counts: "31 employees", "445 stores".
func nounAfter(after string) string {
	var out []string
	for _, w := range strings.Fields(cutAt(strings.TrimSpace(after))) {
		lw := strings.ToLower(w)
		if subjectTrail[lw] || headStop[lw] || lw == "compared" || lw == "during" || len(out) >= 4 {
			break
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func cutAt(s string) string {
	for i, r := range s {
		if strings.ContainsRune(",;:()$", r) {
			return s[:i]
		}
		if r == '.' && (i+1 >= len(s) || s[i+1] == ' ') {
			return s[:i]
		}
	}
	return s
}

// firstWords is the first n words of s (split as strings.Fields splits),
// joined by spaces. It reads only as far as those words.
func firstWords(s string, n int) string {
	ws := make([]string, 0, n)
	i := 0
	for len(ws) < n {
		i += len(s[i:]) - len(strings.TrimLeftFunc(s[i:], unicode.IsSpace))
		if i == len(s) {
			break
		}
		j := strings.IndexFunc(s[i:], unicode.IsSpace)
		if j < 0 {
			j = len(s) - i
		}
		ws = append(ws, s[i:i+j])
		i += j
	}
	return strings.Join(ws, " ")
}

// lastWords is the last n words of s, joined by spaces, read from the end.
func lastWords(s string, n int) string {
	ws := make([]string, n)
	k := n
	e := len(s)
	for k > 0 {
		e = len(strings.TrimRightFunc(s[:e], unicode.IsSpace))
		if e == 0 {
			break
		}
		b := strings.LastIndexFunc(s[:e], unicode.IsSpace)
		if b < 0 {
			b = 0
		} else {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
		}
		k--
		ws[k] = s[b:e]
		e = b
	}
	return strings.Join(ws[k:], " ")
}

// figureWindow is how far before and after a figure narrativeFacts reads
// the words that describe it. The longest clause with a figure in the
// corpus is 449 bytes.
const figureWindow = 1024

// wordsFrom is where a window of s that starts near i begins: just after
// the first ASCII space at or after i (so that no word is cut), or 0 for
// i <= 0.
func wordsFrom(s string, i int) int {
	if i <= 0 {
		return 0
	}
	for j := i; j < len(s); j++ {
		if isSpace(s[j]) {
			return j + 1
		}
	}
	return len(s)
}

// wordsTo is where a window of s that ends near i ends: at the last ASCII
// space at or before i, or len(s) for i >= len(s).
func wordsTo(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for j := i; j > 0; j-- {
		if isSpace(s[j]) {
			return j
		}
	}
	return 0
}

// periodLookup answers the questions narrativeFacts asks of a clause's
// period mentions (in order of start) for each figure, by binary search
// rather than a walk over all of them.
type periodLookup struct {
	ms []period.Mention
	// minEnd[i] is the least End of ms[i:]; minEndRep the same over the
	// reporting mentions, repIdx their indices
	minEnd, minEndRep, repIdx []int
}

func newPeriodLookup(ms []period.Mention) periodLookup {
	l := periodLookup{ms: ms, minEnd: make([]int, len(ms))}
	for i, m := range ms {
		if isReporting(m) {
			l.repIdx = append(l.repIdx, i)
		}
	}
	l.minEndRep = make([]int, len(l.repIdx))
	for i := len(ms) - 1; i >= 0; i-- {
		l.minEnd[i] = ms[i].End
		if i+1 < len(ms) {
			l.minEnd[i] = min(l.minEnd[i], l.minEnd[i+1])
		}
	}
	for k := len(l.repIdx) - 1; k >= 0; k-- {
		l.minEndRep[k] = ms[l.repIdx[k]].End
		if k+1 < len(l.repIdx) {
			l.minEndRep[k] = min(l.minEndRep[k], l.minEndRep[k+1])
		}
	}
	return l
}

// from is the index of the first mention that starts at or after at.
func (l periodLookup) from(at int) int {
	i, _ := slices.BinarySearchFunc(l.ms, at, func(m period.Mention, at int) int { return cmp.Compare(m.Start, at) })
	return i
}

// lastEnded is the index of the last mention (of the reporting ones, with
// rep) that ends at or before at, or -1: the last i with End <= at is the
// one before the first i from which every End is later.
func (l periodLookup) lastEnded(at int, rep bool) int {
	minEnd := l.minEnd
	if rep {
		minEnd = l.minEndRep
	}
	k := sort.Search(len(minEnd), func(i int) bool { return minEnd[i] > at })
	if k == 0 {
		return -1
	}
	if rep {
		return l.repIdx[k-1]
	}
	return k - 1
}

func cleanDesc(s string) string {
	s = strings.TrimSpace(s)
	if m := reOpeningHole.FindStringIndex(s); m != nil {
		s = s[m[1]:] // "On , the board declared": a date was there
	}
	if strings.Contains(s, " ,") {
		// "Looking ahead to , we expect": a period was there, and the
		// words that led into it are left
		s = strings.ReplaceAll(reInnerHole.ReplaceAllString(s, ""), " ,", ",")
	}
	s = strings.TrimLeft(s, ",;:-–— ")
	s = strings.TrimRight(s, ",;:-–— ")
	return s
}

// descMemo remembers, within a passage, what the vocabulary says of the
// descriptions of its figures: a clause's figures share their subject,
// and a passage's clauses their metrics ("net sales"), and tokenizing and
// matching each again for every figure was a tenth of Parse's time. Both
// answers are pure functions of their arguments (names is fixed for a
// document); each map forgets everything when full.
type descMemo struct {
	metric map[string]bool
	key    map[keyArgs]string
}

type keyArgs struct{ desc, unit, change string }

const descMemoSize = 4096

// hasMetric reports whether s names a vocabulary metric:
// len(vocab.Default().FindMetrics(vocab.Tokens(s))) > 0.
func (dm *descMemo) hasMetric(s string) bool {
	if v, ok := dm.metric[s]; ok {
		return v
	}
	v := len(vocab.Default().FindMetrics(vocab.Tokens(s))) > 0
	if dm.metric == nil || len(dm.metric) >= descMemoSize {
		dm.metric = make(map[string]bool)
	}
	dm.metric[s] = v
	return v
}

// keyOf is keyOf(desc, unit, change, names).
func (dm *descMemo) keyOf(desc, unit, change string, names map[string]bool) string {
	k := keyArgs{desc, unit, change}
	if v, ok := dm.key[k]; ok {
		return v
	}
	v := keyOf(desc, unit, change, names)
	if dm.key == nil || len(dm.key) >= descMemoSize {
		dm.key = make(map[keyArgs]string)
	}
	dm.key[k] = v
	return v
}

// keyOf finds the vocabulary metric a description names, when its unit
// fits and the metric heads the description: "net sales for our accessory
// segment" is net sales, "charges taken against the remaining inventory" is
// not inventory.
func keyOf(desc, unit, change string, names map[string]bool) string {
	v := vocab.Default()
	toks := vocab.Tokens(desc)
	proper := properWords(desc)
	for w := range names {
		proper[w] = true
	}
	spans := v.FindMetrics(toks)
	firstPrep := len(toks)
	lead := true
	for i, t := range toks {
		if lead && (headStop[t] || determiner[t]) {
			continue
		}
		lead = false
		if headStop[t] && !inSpan(spans, i) {
			firstPrep = i
			break
		}
	}
	for _, sp := range spans {
		if sp.Start > firstPrep {
			break
		}
		if narrowedAt(toks, sp.Start, proper) {
			// "Online sales", "kilowatt-hour sales": a narrower figure than the metric
			break
		}
		if sp.End < len(toks) && narrowAfter[toks[sp.End]] {
			// "assets under supervision", "assets held for sale": another figure
			break
		}
		switch {
		case sp.Metric != nil:
			mu := sp.Metric.Unit
			if mu == unit || change != "" || unit == Count && mu == Shares {
				return sp.Metric.Key
			}
		case sp.Derived != nil && unit == Percent && sp.Derived.Unit == Percent:
			// "gross margin … 11%": a stated margin; find the metric of that name
			if m := v.MetricByName(sp.Derived.Name); m != nil {
				return m.Key
			}
		}
	}
	return ""
}

var determiner = map[string]bool{"the": true, "a": true, "an": true, "our": true, "its": true, "their": true, "this": true, "that": true,
	"these": true, "those": true, "more": true, "specifically": true, "overall": true, "total": true, "we": true, "company": true, "companys": true}

// broadModifier words may stand before a metric name without narrowing it.
var broadModifier = map[string]bool{"gaap": true, "reported": true, "adjusted": true, "nongaap": true, "non": true, "record": true,
	"quarterly": true, "annual": true, "consolidated": true, "overall": true, "fiscal": true, "full": true, "year": true,
	"worldwide": true, "global": true, "total": true, "net": true, "its": true, "our": true, "the": true, "a": true, "an": true,
	"companys": true, "company": true, "group": true, "s": true, "quarter": true, "first": true, "second": true, "third": true,
	"fourth": true, "diluted": true, "basic": true, "unaudited": true, "higher": true, "lower": true, "strong": true, "solid": true}

// narrowAfter words, right after a metric's name, make it the name of
// another figure ("assets under management", "loans held for sale").
var narrowAfter = map[string]bool{"under": true, "held": true}

// narrowedAt reports whether the words right before tokens[i] narrow the
// metric that starts there: a word that is neither broad nor a name (names
// in a possessive or capitalized are entities, handled elsewhere).
func narrowedAt(toks []string, i int, proper map[string]bool) bool {
	if i == 0 {
		return false
	}
	w := toks[i-1]
	if broadModifier[w] || headStop[w] || determiner[w] || subjectTrail[w] || len(w) < 2 {
		return false
	}
	if _, err := strconv.Atoi(w); err == nil {
		return false
	}
	return !proper[w]
}

// properWords are the normalized words of s that read as names: possessives
// ("Joe's"), acronyms ("IAA") and capitalized words after the first.
func properWords(s string) map[string]bool {
	out := map[string]bool{}
	for i, w := range strings.Fields(s) {
		t := strings.Trim(w, ",;:()\"“”")
		if t == "" {
			continue
		}
		poss := strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "'") || strings.HasSuffix(t, "’")
		r := []rune(t)
		acro := len(r) >= 2 && strings.ToUpper(t) == t && unicode.IsLetter(r[0])
		capd := i > 0 && unicode.IsUpper(r[0])
		if poss || acro || capd {
			for _, n := range strings.Fields(vocab.Normalize(t)) {
				out[n] = true
			}
		}
	}
	return out
}

// headStop words end the head of a noun phrase.
var headStop = map[string]bool{"of": true, "against": true, "for": true, "from": true, "to": true, "associated": true, "related": true,
	"with": true, "on": true, "in": true, "attributable": true, "due": true, "taken": true, "incurred": true, "that": true, "which": true}

func inSpan(spans []vocab.Span, i int) bool {
	for _, s := range spans {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

// subjectEntity finds the entity a subject names: "Joe's net sales" →
// "Joe's"; "net sales for our accessory segment" → "accessory segment".
// The company itself is not an entity.
func subjectEntity(subject, company string) string {
	if subject == "" {
		return ""
	}
	if textscan.FoldHas(subject, "for") && textscan.FoldHas(subject, forEntityNeedles...) {
		if m := reForEntity.FindStringSubmatch(subject); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	var ms [][]int
	if strings.IndexByte(subject, '\'') >= 0 || strings.Contains(subject, "’") {
		// every match of rePossessive ends in an apostrophe
		ms = rePossessive.FindAllStringSubmatchIndex(subject, -1)
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if inName(subject, ms[i][3], ms[i][1]) {
			continue
		}
		name := strings.TrimSpace(subject[ms[i][2]:ms[i][3]])
		if isCompanyName(name, company) {
			continue
		}
		lw := strings.ToLower(name)
		if lw == "company" || lw == "the company" || strings.HasPrefix(lw, "the ") && isCompanyName(name[4:], company) {
			continue
		}
		if m := reLeadingThe.FindString(name); m != "" {
			name = name[len(m):]
		}
		return name
	}
	return ""
}

// inName reports whether the apostrophe after a word (the mark from at to
// end of s) is part of a name, not a possessive: a plural's bare
// apostrophe before a capitalised word ("DieHard and Lands' End brands").
func inName(s string, at, end int) bool {
	mark := strings.TrimSpace(s[at:end])
	if mark != "'" && mark != "’" {
		return false
	}
	rest := strings.TrimLeft(s[end:], " ")
	return rest != "" && rest[0] >= 'A' && rest[0] <= 'Z'
}

// isCompanyName reports whether name refers to the company itself.
func isCompanyName(name, company string) bool {
	if company == "" {
		return false
	}
	n := vocab.Normalize(name)
	c := vocab.Normalize(company)
	if n == "" {
		return false
	}
	// every word of the name is a word of the company's name ("Innovo",
	// "Innovo Group", "the Company"); "Sears Canada" is a subsidiary
	cw := map[string]bool{"company": true, "the": true}
	for _, w := range strings.Fields(c) {
		cw[w] = true
	}
	for _, w := range strings.Fields(n) {
		if !cw[w] && !corpSuffix[w] {
			return false
		}
	}
	return true
}

var corpSuffix = map[string]bool{"inc": true, "inc.": true, "corp": true, "corp.": true, "co": true, "co.": true, "ltd": true, "ltd.": true, "llc": true, "l.p.": true, "lp": true, "plc": true, "n.a.": true}

// respectiveEntities reads "for Innovo, Inc., Joe's Jeans and IAA were …,
// respectively" into ["Innovo, Inc.", "Joe's Jeans", "IAA"].
func respectiveEntities(sent string) []string {
	m := reRespectList.FindStringSubmatch(sent)
	if m == nil {
		return nil
	}
	list := m[1]
	parts := reListSep.Split(list, -1)
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if corpSuffix[strings.ToLower(p)] && len(out) > 0 {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	for _, p := range out {
		if len(period.ScanPeriods(p)) > 0 || !isEntityName(p) {
			// the figures are of periods ("for the fourth quarter of fiscal
			// 2014 and 2013, respectively") or of measures, not of names
			return nil
		}
	}
	return out
}

// The needles of the regexps narrativeFacts runs over the words around
// every figure: every match of each holds one of its needles (in some
// case), so where foldHas finds none the regexp need not run. Running
// them all over every figure's words was a third of Parse's time.
var (
	// reFromWord; "as compared" holds "compared"
	fromNeedles = []string{"from", "compared", "versus", "vs", "against"}
	// reChangeBefor: "dropped", "drop of" hold "drop"; "reduced",
	// "reduction of" hold "reduc"; "improved", "improvement of" hold "improve"
	changeBeforNeedles = []string{"increase", "decrease", "decline", "grew", "rose", "fell", "drop", "improve", "reduc", "up", "down",
		"growth", "gain", "rise", "by", "change"}
	// rePerShareDesc
	perShareNeedles = []string{"per", "eps"}
	// reAdjusted: "non-gaap" holds "gaap", "pro forma" "forma"
	adjustedNeedles = []string{"gaap", "adjusted", "excluding", "excludes", "forma", "reconciliation"}
	// reChangeSubject, over a clause subject: its words are words of the
	// text it is the subject of; "reduced", "reductions" hold "reduc"
	changeSubjectNeedles = []string{"increase", "decrease", "higher", "lower", "reduc", "growth", "decline"}
	// reContrastCut
	contrastNeedles = []string{"compared", "versus", "vs", "whereas", "while"}
	// reIncludeCut
	includeNeedles = []string{"includ", "exclud", "consist", "comprised"}
	// reForEntity, which also needs "for"
	forEntityNeedles = []string{"segment", "division", "subsidiary", "business", "unit", "region", "group"}
)

// mayAdjusted is reAdjusted.MatchString(s), skipped when s lacks its needles.
func mayAdjusted(s string) bool {
	return textscan.FoldHas(s, adjustedNeedles...) && reAdjusted.MatchString(s)
}

// mayPerShare is rePerShare.MatchString(s), skipped when s lacks its
// needles: every match holds "per" or "eps", as rePerShareDesc's do.
func mayPerShare(s string) bool {
	return textscan.FoldHas(s, perShareNeedles...) && rePerShare.MatchString(s)
}

// changeSubject is clauseSubject(before, len(before)) where
// reChangeSubject can match it, else "": the subject's words are words of
// before, so without one of reChangeSubject's needles there it cannot.
func changeSubject(before string) string {
	if !textscan.FoldHas(before, changeSubjectNeedles...) {
		return ""
	}
	return clauseSubject(before, len(before))
}

// mayPerShareDesc is rePerShareDesc.MatchString(s), skipped when s lacks
// its needles.
func mayPerShareDesc(s string) bool {
	return textscan.FoldHas(s, perShareNeedles...) && rePerShareDesc.MatchString(s)
}

// findAllGuarded is re.FindAllStringIndex(s, -1), skipped when s lacks
// every needle of re.
func findAllGuarded(re *lazy.Regexp, s string, needles []string) [][]int {
	if !textscan.FoldHas(s, needles...) {
		return nil
	}
	return re.FindAllStringIndex(s, -1)
}
