package serve

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/check"
	"github.com/ex99/ex99/index"
)

// httpError is a request's failure with the status that fits it.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// apiFunc answers an API request with a value to send as JSON.
type apiFunc func(r *http.Request, snap *snapshot) (any, error)

// api wraps an apiFunc: it checks the request, takes the index for the
// request's time, and writes the value or the error as JSON.
func (s *Server) api(fn apiFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > maxQuery {
			writeError(w, &httpError{status: http.StatusRequestURITooLong, msg: fmt.Sprintf("the query is longer than %d bytes", maxQuery)})
			return
		}
		snap, release, err := s.st.acquire(r.Context(), s.cfg.BusyWait, s.cfg.Poll)
		if err != nil {
			writeError(w, err)
			return
		}
		v, err := fn(r, snap)
		if err == nil {
			err = snap.x.Err() // damage met while answering
		}
		release()
		if err != nil {
			writeError(w, err)
			return
		}
		writeValue(w, r, v)
	})
}

// writeValue writes an API function's value: a file as it is, anything
// else as JSON; one that has an ETag answers 304 to a client that has it.
func writeValue(w http.ResponseWriter, r *http.Request, v any) {
	switch v := v.(type) {
	case csvFile:
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": v.name}))
		_, _ = w.Write(v.data)
		return
	case interface{ etag() string }:
		tag := `"` + v.etag() + `"`
		w.Header().Set("ETag", tag)
		if r.Header.Get("If-None-Match") == tag {
			w.Header().Set("Cache-Control", "no-cache")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	writeJSON(w, http.StatusOK, v)
}

// writeJSON writes v as JSON, with <, > and & as they are (the CLI's
// form; the page puts text in as text, and nosniff keeps browsers from
// reading JSON as anything else).
func writeJSON(w http.ResponseWriter, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		b.Reset()
		fmt.Fprintf(&b, "{\"error\":%q,\"status\":%d}\n", "encoding the answer: "+err.Error(), status)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// errorBody is every API error's JSON.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// errorStatuses map the index's errors to HTTP statuses, first match wins.
var errorStatuses = []struct {
	err    error
	status int
}{
	{index.ErrBusy, http.StatusServiceUnavailable},
	{index.ErrNotFound, http.StatusNotFound},
	{index.ErrNoIndex, http.StatusServiceUnavailable},
	{context.DeadlineExceeded, http.StatusServiceUnavailable},
	{context.Canceled, http.StatusServiceUnavailable},
}

// writeError writes err as JSON with the status that fits it.
func writeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	var he *httpError
	if errors.As(err, &he) {
		status = he.status
	} else {
		for _, e := range errorStatuses {
			if errors.Is(err, e.err) {
				status = e.status
				break
			}
		}
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, status, errorBody{Error: err.Error(), Status: status})
}

// text reads a parameter of free text: required unless optional, at most
// maxQuestion bytes.
func text(r *http.Request, name string, optional bool) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	switch {
	case v == "" && !optional:
		return "", badRequest("%s is missing: say what to look for, e.g. ?%s=net+sales+Q2+2004", name, name)
	case len(v) > maxQuestion:
		return "", badRequest("%s is %d bytes; at most %d", name, len(v), maxQuestion)
	case !utf8.ValidString(v):
		return "", badRequest("%s is not valid UTF-8", name)
	}
	return v, nil
}

// number reads an optional whole-number parameter between lo and hi; 0
// when it is absent.
func number(r *http.Request, name string, lo, hi int) (int, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s must be a whole number from %d to %d, not %q", name, lo, hi, v)
	}
	return n, nil
}

// release reads the doc parameter: a release of the snapshot, or "" when
// it is absent and optional.
func release(r *http.Request, snap *snapshot, optional bool) (string, error) {
	doc := r.URL.Query().Get("doc")
	if doc == "" {
		if optional {
			return "", nil
		}
		return "", badRequest("doc is missing: name a release (GET /api/docs lists them)")
	}
	if len(doc) > maxQuestion || !utf8.ValidString(doc) {
		return "", badRequest("doc is not the name of a release: at most %d bytes of UTF-8", maxQuestion)
	}
	ok, err := snap.has(doc)
	if err != nil {
		return "", err
	}
	if ok {
		return doc, nil
	}
	// a prefix, ticker or company name, as the CLI's --doc reads it
	name, err := snap.x.Resolve(doc)
	switch {
	case errors.Is(err, index.ErrAmbiguous):
		return "", badRequest("doc %s", err.Error())
	case err != nil:
		return "", fmt.Errorf("release %q: %w; GET /api/docs lists the releases", doc, index.ErrNotFound)
	}
	return name, nil
}

// askResult is `ex99 ask --json`'s answer, with the cited passage's text
// marked for the page (\u0001 and \u0002 around the question's words) and,
// when asked with explain=1, how it was found (`ex99 ask --explain --json`).
type askResult struct {
	answer.Answer
	Marked  string              `json:"marked,omitempty"`
	Explain *answer.Explanation `json:"explain,omitempty"`
}

func apiAsk(r *http.Request, snap *snapshot) (any, error) {
	q, err := text(r, "q", false)
	if err != nil {
		return nil, err
	}
	doc, err := release(r, snap, true)
	if err != nil {
		return nil, err
	}
	explain, err := boolParam(r, "explain")
	if err != nil {
		return nil, err
	}
	e := &answer.Engine{Index: snap.x, Doc: doc}
	var res askResult
	if explain {
		res.Answer, res.Explain = e.AskExplained(q)
	} else {
		res.Answer = e.Ask(q)
	}
	res.Marked = res.Answer.Marked
	return res, nil
}

// boolParam reads an optional parameter that is 1 or 0 (true or false).
func boolParam(r *http.Request, name string) (bool, error) {
	switch v := r.URL.Query().Get(name); v {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	default:
		return false, badRequest("%s must be 1 or 0, not %q", name, v)
	}
}

// searchHit is `ex99 search --json`'s hit, with the matching words marked.
type searchHit struct {
	Doc     string  `json:"doc"`
	Line    int     `json:"line"`
	EndLine int     `json:"end_line"`
	Section string  `json:"section"`
	Text    string  `json:"text"`
	Marked  string  `json:"marked"`
	Score   float64 `json:"score"`
	Offset  [2]int  `json:"offset"`
}

func apiSearch(r *http.Request, snap *snapshot) (any, error) {
	q, err := text(r, "q", false)
	if err != nil {
		return nil, err
	}
	doc, err := release(r, snap, true)
	if err != nil {
		return nil, err
	}
	limit, err := number(r, "limit", 1, maxSearch)
	if err != nil {
		return nil, err
	}
	if limit == 0 {
		limit = defaultSearch
	}
	pq := index.PassageQuery{Text: q, Size: limit, Phrases: []string{q}}
	if doc != "" {
		pq.Docs = []string{doc}
	}
	hits, err := snap.x.Passages(pq)
	if err != nil {
		return nil, err
	}
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		out = append(out, searchHit{Doc: h.Doc, Line: h.Start, EndLine: h.End, Section: h.Section,
			Text: h.Text, Marked: answer.Mark(h.Text, q), Score: h.Score, Offset: h.Offset})
	}
	return map[string]any{"query": q, "hits": out}, nil
}

// docInfo is `ex99 docs --json`'s release, with its period as the CLI
// prints it.
type docInfo struct {
	index.DocInfo
	PeriodText string `json:"period_text"`
}

// briefDoc is what the page's release picker and list show of a release
// (/api/docs?brief=1): a tenth of the whole.
type briefDoc struct {
	Name       string `json:"name"`
	Company    string `json:"company"`
	Format     string `json:"format"`
	Lines      int    `json:"lines"`
	Facts      int    `json:"facts"`
	PeriodText string `json:"period_text"`
}

// docsResult lists the releases; Builtin says the server answers from the
// built-in release for want of an index.
type docsResult struct {
	Builtin  bool `json:"builtin"`
	Releases any  `json:"releases"` // []docInfo, or []briefDoc
	gen      string
}

// etag lets a client ask again cheaply: the list changes only with a new
// snapshot.
func (d docsResult) etag() string { return d.gen }

func apiDocs(r *http.Request, snap *snapshot) (any, error) {
	brief, err := boolParam(r, "brief")
	if err != nil {
		return nil, err
	}
	ds, _, err := snap.docs()
	if err != nil {
		return nil, err
	}
	full := make([]docInfo, 0, len(ds))
	short := make([]briefDoc, 0, len(ds))
	for _, d := range ds {
		per := d.Current.Tag()
		if per == "" {
			per = d.Current.End.String()
		}
		if brief {
			short = append(short, briefDoc{Name: d.Name, Company: d.Company, Format: d.Format, Lines: d.Lines, Facts: d.Facts, PeriodText: per})
		} else {
			full = append(full, docInfo{DocInfo: d, PeriodText: per})
		}
	}
	res := docsResult{Builtin: snap.builtin, Releases: full, gen: snap.etag}
	if brief {
		res.Releases, res.gen = short, snap.etag+"-brief"
	}
	return res, nil
}

// fact is `ex99 facts --format json`'s fact, with what the table form
// prints of its metric and period.
type fact struct {
	index.Fact
	Described  string `json:"described"`
	PeriodText string `json:"period_text"`
}

func apiFacts(r *http.Request, snap *snapshot) (any, error) {
	doc, err := release(r, snap, false)
	if err != nil {
		return nil, err
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		return nil, badRequest("format must be json or csv, not %q", format)
	}
	filter, err := text(r, "filter", true)
	if err != nil {
		return nil, err
	}
	fs, err := snap.x.AllFacts(doc)
	if err != nil {
		return nil, err
	}
	fs = filterFacts(fs, filter)
	if format == "csv" {
		return factsCSV(doc, fs)
	}
	out := make([]fact, 0, len(fs))
	for _, f := range fs {
		out = append(out, fact{Fact: f, Described: described(f), PeriodText: f.Period.String()})
	}
	return map[string]any{"doc": doc, "facts": out}, nil
}

// filterFacts keeps the facts that hold every word of filter (in any
// case) in what the page's facts table shows of them: metric, entity,
// period, value as stored and as printed, unit, source. The page's filter
// box does the same.
func filterFacts(fs []index.Fact, filter string) []index.Fact {
	words := strings.Fields(strings.ToLower(filter))
	if len(words) == 0 {
		return fs
	}
	var out []index.Fact
	for _, f := range fs {
		hay := strings.ToLower(strings.Join([]string{described(f), f.Entity, f.Period.String(), f.Value.String(), f.Printed, f.Unit, f.Source}, " "))
		keep := true
		for _, w := range words {
			keep = keep && strings.Contains(hay, w)
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

// described is a fact's metric as ex99 facts prints it.
func described(f index.Fact) string {
	m := f.Describe()
	if f.Change != "" {
		m += " (" + strings.ReplaceAll(f.Change, "_", " ") + ")"
	}
	return m
}

// csvFile is a download: the API writes it as it is, not as JSON.
type csvFile struct {
	name string
	data []byte
}

// factsCSV is `ex99 facts --format csv` for one release.
func factsCSV(doc string, fs []index.Fact) (csvFile, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"doc", "line", "end_line", "metric", "key", "entity", "period", "period_end", "months", "value", "unit", "change", "basis", "adjusted", "source"})
	for _, f := range fs {
		_ = w.Write([]string{f.Doc, strconv.Itoa(f.Start), strconv.Itoa(f.End), described(f), f.Key, f.Entity, f.Period.String(), f.Period.End.String(),
			strconv.Itoa(f.Period.Months), f.Value.String(), f.Unit, f.Change, f.Basis, strconv.FormatBool(f.Adjusted), f.Source})
	}
	w.Flush()
	return csvFile{name: doc + ".facts.csv", data: b.Bytes()}, w.Error()
}

func apiCheck(r *http.Request, snap *snapshot) (any, error) {
	doc, err := release(r, snap, false)
	if err != nil {
		return nil, err
	}
	rel, err := check.Load(snap.x, doc)
	if err != nil {
		return nil, err
	}
	rep := check.RunRelease(rel)
	if rep.Checks == nil {
		rep.Checks = []check.Check{}
	}
	return check.Summarize(rep), nil
}

// showResult is a release's reading view, or lines of it, with where its
// tables stand.
type showResult struct {
	Doc    string  `json:"doc"`
	Lines  []line  `json:"lines"`
	Total  int     `json:"total"` // lines in the whole view
	Tables []table `json:"tables"`
}

func apiShow(r *http.Request, snap *snapshot) (any, error) {
	doc, err := release(r, snap, false)
	if err != nil {
		return nil, err
	}
	from, err := number(r, "from", 1, 1<<30)
	if err != nil {
		return nil, err
	}
	to, err := number(r, "to", 1, 1<<30)
	if err != nil {
		return nil, err
	}
	view, err := snap.x.View(doc)
	if err != nil {
		return nil, err
	}
	lo, hi, err := lineRange(from, to, len(view))
	if err != nil {
		return nil, err
	}
	lines := func(a, b int) []line {
		out := make([]line, 0, max(0, b-a+1))
		for i := max(a, 1); i <= min(b, len(view)); i++ {
			out = append(out, line{N: i, Text: view[i-1].Text})
		}
		return out
	}
	tables, err := snap.tables(doc, lines)
	if err != nil {
		return nil, err
	}
	res := showResult{Doc: doc, Lines: lines(lo, hi), Total: len(view), Tables: []table{}}
	for _, t := range tables {
		if t.EndLine >= lo && t.Line <= hi {
			res.Tables = append(res.Tables, t)
		}
	}
	return res, nil
}

// lineRange is the lines from..to of a view of n lines (0 for absent:
// from the first, to the last), or why not.
func lineRange(from, to, n int) (int, int, error) {
	lo, hi := max(from, 1), to
	if hi == 0 {
		hi = n
		if from > 0 && to == 0 {
			hi = from
		}
	}
	switch {
	case hi < lo:
		return 0, 0, badRequest("to (%d) is before from (%d)", to, from)
	case lo > n:
		return 0, 0, badRequest("the release has %d lines; line %d is past the end", n, lo)
	}
	return lo, min(hi, n), nil
}
