package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// oddQuestions are questions ex99 must answer (or answer "none") without
// crashing: empty, huge, control characters, other scripts and emoji,
// SQL and Bleve query syntax, numbers only.
var oddQuestions = []string{
	"", " ", "\t\n", "?", "???", ".", "'", `"`,
	strings.Repeat("net sales ", 1000),                     // 10,000 characters
	strings.Repeat("x", 10000),                             // one 10,000-character word
	strings.Repeat("Q2 2004 ", 1250),                       // 10,000 characters of periods
	strings.Repeat("$1,000 ", 1400),                        // figures only
	"net\x00sales\x01 Q2\x1b[31m 2004\x7f", "\x00\x00\x00", // control characters
	"net sales\r\nQ2 2004", "\u202enet sales\u202c", "net\u200bsales", "\ufeffnet sales",
	"売上高 2004年 第2四半期", "выручка за второй квартал 2004", "صافي المبيعات", "नेट बिक्री", "매출",
	"📈 net sales 🚀 Q2 2004", "👍", "🇺🇸🇺🇸🇺🇸", "ñet šales Q2 2004",
	"'; DROP TABLE releases; --", "SELECT * FROM facts WHERE 1=1", "1' OR '1'='1", "net sales UNION SELECT password",
	"title:x AND +y", "*", "?*", "+net -sales", `"unbalanced`, `net sales"`, `"net sales`, "text:\"net", "net^2 sales~3",
	"(((", ")))", "[0 TO 10]", "{a TO b}", "/regexp.*/", `\`, `\\\`, "net:", ":sales", "-", "+", "!", "&&", "||",
	"doc:innovo-2004q2.txt kind:row", "_id:*", "data:*",
	"30023", "2004", "0.23", "1e308", "-0", "99999999999999999999999999999999999999", "00000", "3.14159", "-5%", "(6,728)",
	"Q0 2004", "Q9 1899", "fiscal 99999", "May 32, 2004", "13/45/04", "2004-13-45", "third quarter of fiscal 0",
	"net sales Q2 2004 Q3 2003 Q4 2002 Q1 2001 fiscal 2000 six months nine months twelve weeks",
	"change in net sales from Q2 2003 to Q2 2004 divided by zero", "ratio of zero to zero",
	"%s %d %v %x %n", "{{.}}", "<script>alert(1)</script>", "&amp;&lt;", "null", "undefined", "NaN", "Infinity",
}

// TestOddQuestions asks every odd question through ask (text and JSON) and
// search (plain and --query-syntax) over the built-in release: each gets an
// answer, "none", or (query syntax only) a usage error, never a crash, and
// quickly.
func TestOddQuestions(t *testing.T) {
	t.Setenv("EX99_INDEX", seedIndex(t))
	slowest, slowQ := time.Duration(0), ""
	for _, q := range oddQuestions {
		name := q
		if len(name) > 40 {
			name = name[:40]
		}
		if strings.HasPrefix(q, "-") && len(q) > 1 {
			// read as flags unless after --; the message says so
			r := ex99(t, "", "ask", q)
			if r.code != exitUsage || !strings.Contains(r.stderr, "put -- before it") {
				t.Errorf("ask %q: %v", name, r)
			}
		}
		if q == "-" {
			continue // reads questions from standard input: below
		}
		r := ex99(t, "", "ask", "--", q)
		if !worked(r) || r.stdout == "" {
			t.Errorf("ask %q: %v", name, r)
		}
		if r.took > 5*time.Second {
			t.Errorf("ask %q took %v", name, r.took)
		}
		if r.took > slowest {
			slowest, slowQ = r.took, name
		}
		r = ex99(t, "", "ask", "--json", "--", q)
		var a struct{ Kind, Answer string }
		if !worked(r) || json.Unmarshal([]byte(r.stdout), &a) != nil || a.Kind == "" || a.Answer == "" || (r.code == 0) != (a.Kind != "none") {
			t.Errorf("ask --json %q: %v", name, r)
		}
		r = ex99(t, "", "search", "--", q)
		if !worked(r) {
			t.Errorf("search %q: %v", name, r)
		}
		r = ex99(t, "", "search", "--query-syntax", "--", q)
		if !worked(r) && !(r.code == exitUsage && strings.Contains(r.stderr, "bad query")) {
			t.Errorf("search --query-syntax %q: %v", name, r)
		}
	}
	t.Logf("slowest ask: %v for %q", slowest, slowQ)
	// a stream of them, one per line, in JSON: one answer per question
	// (blank lines and # comments are no questions)
	var lines []string
	questions := 0
	for _, q := range oddQuestions {
		if !strings.ContainsAny(q, "\r\n") {
			lines = append(lines, q)
			if q := strings.TrimSpace(q); q != "" && !strings.HasPrefix(q, "#") {
				questions++
			}
		}
	}
	r := ex99(t, strings.Join(lines, "\n")+"\n", "ask", "--json", "-")
	if r.code != 0 || strings.Count(r.stdout, "\n") != questions {
		t.Errorf("ask --json -: %d answers for %d questions: %v", strings.Count(r.stdout, "\n"), questions, r)
	}
	r = ex99(t, strings.Join(lines, "\n")+"\n:quit\n", "prompt")
	if r.code != 0 {
		t.Errorf("prompt: %v", r)
	}
}

// TestSearchTermsAreTerms: without --query-syntax, query syntax is read as
// plain words; with it, it means what Bleve says.
func TestSearchTermsAreTerms(t *testing.T) {
	t.Setenv("EX99_INDEX", seedIndex(t))
	r := ex99(t, "", "search", "--json", "conference call AND -Innovo +section:nothing")
	if r.code != 0 || !strings.Contains(r.stdout, "Conference Call") {
		t.Errorf("plain search with query syntax in it: %v", r)
	}
	r = ex99(t, "", "search", "--query-syntax", "+conference -call")
	if !worked(r) || strings.Contains(strings.ToLower(r.stdout), "conference call") {
		t.Errorf("query-syntax search: %v", r)
	}
	r = ex99(t, "", "search", "--query-syntax", `"unbalanced`)
	if r.code != exitUsage || !strings.Contains(r.stderr, "bad query") {
		t.Errorf("query-syntax search with an unbalanced quote: %v", r)
	}
}
