package vocab

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// usedWordLists are the word lists each package reads through Words or
// Phrases, by package; a list one names must exist and hold words, and a
// list no package names is left over.
var usedWordLists = map[string][]string{
	"nlq": {
		"question_words", "head_prepositions", "qualifier_words", "growth_words",
		"change_cues", "forward_words", "represent_words", "auxiliaries",
		"year_over_year", "explicit_change", "sure_passage_cues",
		"sum_of_words", "ratio_words", "ratio_connectors", "as_share_words", "share_words",
		"share_of_connectors", "made_of_verbs", "operand_end_words", "bound_words",
		"year_range_connectors", "compare_fillers", "change_nouns", "do_auxiliaries", "period_nouns", "rank_words", "yes_no_openers", "text_prepositions", "definition_words",
		"text_verbs", "determiners",
	},
	"extract": {"loss_words"},
	"check":   {"label_neutral_words", "outlook_text_words", "head_prepositions", "period_nouns", "entity_qualifiers", "prior_period_phrases", "effect_words", "neutral_subject_words", "range_connectors", "other_basis_phrases"},
	"index":   {"boilerplate_phrases", "generic_company_words"},
	"answer": {
		"generic_company_words", "entity_qualifiers", "generic_entity_words", "light_words",
		"label_joining_words", "label_neutral_words", "adjustment_row_words",
		"outlook_text_words", "year_end_cues", "percent_marks", "table_words", "table_lead_phrases", "text_verbs", "say_words",
	},
}

func TestUsedWordListsExist(t *testing.T) {
	v := Default()
	for pkg, names := range usedWordLists {
		for _, name := range names {
			ws, ok := v.WordLists[name]
			if !ok || len(ws) == 0 {
				t.Errorf("%s: word list %q is missing or empty", pkg, name)
				continue
			}
			if got := len(v.Words(name)); got != len(ws) {
				t.Errorf("%s: Words(%q) has %d words, the list %d", pkg, name, got, len(ws))
			}
		}
	}
	if len(v.DecimalPlaces) == 0 {
		t.Error("decimal_places is missing or empty")
	}
}

// TestWordListsUsedAndDescribed checks that every list in vocab.json is
// one a package reads and that word_lists_comment says what it holds.
func TestWordListsUsedAndDescribed(t *testing.T) {
	var raw struct {
		Comment string `json:"word_lists_comment"`
	}
	if err := json.Unmarshal(vocabJSON, &raw); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, names := range usedWordLists {
		for _, name := range names {
			used[name] = true
		}
	}
	for name := range Default().WordLists {
		if !used[name] {
			t.Errorf("word list %q is read by no package (add it to usedWordLists, or drop it)", name)
		}
		if !strings.Contains(raw.Comment, name+": ") {
			t.Errorf("word_lists_comment does not describe %q", name)
		}
	}
}

func TestAlternation(t *testing.T) {
	v, err := Parse([]byte(`{"word_lists": {"w": ["a", "a.b", "abc", "ab"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.Alternation("w"), `(a\.b|abc|ab|a)`; got != want {
		t.Errorf("Alternation = %s, want %s", got, want)
	}
	if got, want := v.Group("w"), `(?:a\.b|abc|ab|a)`; got != want {
		t.Errorf("Group = %s, want %s", got, want)
	}
}

func TestWordsPanicsOnUnknownList(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Words of an unknown list did not panic")
		}
	}()
	Default().Words("no_such_list")
}

// TestNoDuplicateWords reads vocab.json token by token, which
// encoding/json's Unmarshal does not let one do: a word twice in a word
// list, or a key twice in any object, would pass unseen.
func TestNoDuplicateWords(t *testing.T) {
	dec := json.NewDecoder(bytes.NewReader(vocabJSON))
	var walk func(path string, inList bool)
	walk = func(path string, inList bool) {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		switch tok {
		case json.Delim('{'):
			keys := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				k := kt.(string)
				if keys[k] {
					t.Errorf("%s: key %q twice", path, k)
				}
				keys[k] = true
				walk(path+"."+k, path == ".word_lists")
			}
			dec.Token() // }
		case json.Delim('['):
			seen := map[string]bool{}
			for dec.More() {
				if !inList {
					walk(path+"[]", false)
					continue
				}
				wt, err := dec.Token()
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				w, ok := wt.(string)
				if !ok {
					t.Errorf("%s: %v is not a word", path, wt)
					continue
				}
				if seen[w] {
					t.Errorf("%s: %q twice", path, w)
				}
				seen[w] = true
			}
			dec.Token() // ]
		}
	}
	walk("", false)
}
