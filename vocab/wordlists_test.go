package vocab

import (
	"bytes"
	"encoding/json"
	"testing"
)

// nlqWordLists are the word lists package nlq reads through Words or
// Phrases; a list it names must exist and hold words.
var nlqWordLists = []string{
	"question_words", "head_prepositions", "qualifier_words", "growth_words",
	"change_cues", "forward_words", "represent_words", "auxiliaries",
	"year_over_year", "explicit_change", "sure_passage_cues",
	"sum_of_words", "ratio_words", "ratio_connectors", "as_share_words", "share_words",
	"share_of_connectors", "made_of_verbs", "operand_end_words", "bound_words",
	"year_range_connectors",
}

func TestNLQWordListsExist(t *testing.T) {
	v := Default()
	for _, name := range nlqWordLists {
		ws, ok := v.WordLists[name]
		if !ok || len(ws) == 0 {
			t.Errorf("word list %q is missing or empty", name)
			continue
		}
		if got := len(v.Words(name)); got != len(ws) {
			t.Errorf("Words(%q) has %d words, the list %d", name, got, len(ws))
		}
	}
	if len(v.DecimalPlaces) == 0 {
		t.Error("decimal_places is missing or empty")
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
