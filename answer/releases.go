package answer

import (
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/period"
)

// namedLimit is how many releases the company search returns; periodLimit
// how many when the question names a period, which picks among them (a
// company reporting for 25 years has 100; a larger search costs less than
// the tie-break at a cut through one company's releases). When the search
// fills up, the companies found may have more releases than it holds.
const namedLimit = 20

var periodLimit = 100 // a variable for tests

// namedSearch returns how many releases to search for by company name.
func namedSearch(q nlq.Query) int {
	if len(namedPeriods(q)) > 0 {
		return periodLimit
	}
	return namedLimit
}

// namedPeriods are the periods the question names itself (not "this
// quarter" or "a year before").
func namedPeriods(q nlq.Query) []nlq.PeriodSpec {
	var specs []nlq.PeriodSpec
	for _, ps := range q.Periods {
		if ps.Relative == "" {
			specs = append(specs, ps)
		}
	}
	return specs
}

// everyRelease widens the releases of the companies named to all of
// their releases: a company reporting for 8 years has 32, more than the
// company search returns, and the one the question's period needs may be
// among those it left out.
func (e *Engine) everyRelease(named []index.DocInfo) []index.DocInfo {
	var out []index.DocInfo
	seen := map[string]bool{}
	for _, d := range named {
		if seen[d.Company] {
			continue
		}
		seen[d.Company] = true
		all, err := e.Index.CompanyDocs(d.Company)
		if err != nil || len(all) == 0 {
			return named
		}
		out = append(out, all...)
	}
	return out
}

// ofPeriod narrows each company's releases to those a question naming a
// period is about, as one picks a company's release on EDGAR by its
// quarter: the releases reporting every period named, and of those the
// one whose own period (its quarter, or for a balance its balance-sheet
// date) is the last named; else those reporting them all (a later
// release's comparison column). A company none of whose releases reports
// the periods keeps them all, for the answer to say what is missing.
func ofPeriod(q nlq.Query, ds []index.DocInfo) []index.DocInfo {
	specs := namedPeriods(q)
	if len(ds) < 2 || len(specs) == 0 {
		return ds
	}
	byCompany := map[string][]int{}
	var order []string
	for i, d := range ds {
		if byCompany[d.Company] == nil {
			order = append(order, d.Company)
		}
		byCompany[d.Company] = append(byCompany[d.Company], i)
	}
	var out []index.DocInfo
	for _, c := range order {
		var own, covering []index.DocInfo
		for _, i := range byCompany[c] {
			d := &ds[i]
			if !reports(q, specs, d) {
				continue
			}
			covering = append(covering, *d)
			if isOwn(q, specs[len(specs)-1], d) {
				own = append(own, *d)
			}
		}
		switch {
		case len(own) > 0:
			out = append(out, own...)
		case len(covering) > 0:
			out = append(out, covering...)
		default:
			for _, i := range byCompany[c] {
				out = append(out, ds[i])
			}
		}
	}
	return out
}

// reports tells whether release d has a column for every period named.
func reports(q nlq.Query, specs []nlq.PeriodSpec, d *index.DocInfo) bool {
	for _, ps := range specs {
		t := specTarget(q, ps, d)
		found := false
		for _, p := range d.Periods {
			if periodMatch(p, t) > 0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isOwn tells whether the period ps names is release d's own.
func isOwn(q nlq.Query, ps nlq.PeriodSpec, d *index.DocInfo) bool {
	t := specTarget(q, ps, d)
	if t.kind == period.Instant {
		for _, p := range d.Periods {
			if p.Kind == period.Instant && p.End == d.Latest && periodMatch(p, t) > 0 {
				return true
			}
		}
		return false
	}
	return periodMatch(d.Current, t) > 0
}

// specTarget reads the period ps names for release d, as lookup does.
func specTarget(q nlq.Query, ps nlq.PeriodSpec, d *index.DocInfo) target {
	t := explicitTarget(ps, d, balanceMetric(q), q.Metric != nil || q.Derived != nil)
	t.calKnown = d.Calendar.Known
	return t
}
