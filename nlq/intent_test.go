package nlq

import "testing"

// TestTextForm checks the forms of question that ask for a passage
// whatever figure they name, and the figure questions that look like them.
func TestTextForm(t *testing.T) {
	tests := []struct {
		q      string
		form   string // Query.TextForm
		intent Intent
	}{
		// definitions
		{"What is EBITDA?", FormDefinition, Passage},
		{"What are Original Equipment Manufacturers?", FormDefinition, Passage},
		{"What is adjusted EBITDA?", FormDefinition, Passage},
		{"What is the definition of free cash flow?", FormDefinition, Passage},
		{"What does in-game net revenues include?", FormDefinition, Passage},
		{"What do the audit fees comprise?", FormDefinition, Passage},
		{"What is included in other operating expenses?", FormDefinition, Passage},
		{"What is excluded when calculating revenue?", FormDefinition, Passage},
		// how … calculated: a passage cue that is always one
		{"How is basic EPS calculated?", "", Passage},
		{"How was the fair value of the options determined?", "", Passage},
		{"How long is the period of expected benefit?", "", Passage},
		{"What results in deferred income taxes?", "", Passage},
		// stranded prepositions
		{"What was the increase in free cash flow from 2018 to 2019 driven by?", FormStranded, Passage},
		{"What is the increase in inventory due to?", FormStranded, Passage},
		{"What are minimum fixed payments classified as?", FormStranded, Passage},
		// yes/no
		{"Were there any impairment charges in 2019 and 2018?", FormYesNo, Passage},
		{"Did the company have any dilutive share equivalents in 2019?", FormYesNo, Passage},
		// the asking clause after a phrase of its own
		{"In 2019, why did the gross margin decrease?", "", Passage},
		// a table
		{"What does the table show?", FormTable, Passage},
		{"What is the revenue in the table for 2019?", "", Lookup},
		{"For Balance payable as at June 30, 2019, what is the difference between Workforce reduction and Facility costs?", "", Compute},
		// figures that look like them
		{"What is the revenue in 2019?", "", Lookup},
		{"What was net income?", "", Lookup},
		{"What were total assets?", "", Lookup},
		{"What is EBITDA for 2019?", "", Lookup},
		{"What is Apple's revenue?", "", Lookup},
		{"What is total revenue?", "", Lookup},
		{"What is the amount of deposits held as collateral?", "", Lookup},
		{"What did the termination of the licensing agreement cost?", "", Lookup},
		{"What did sales increase by?", "", Compute},
		{"How much did the rate of return decrease by from 2017 to 2019?", "", Compute},
		{"What revenue does the company expect for fiscal 2005?", "", Lookup},
	}
	for _, tt := range tests {
		q := Parse(tt.q)
		if q.TextForm != tt.form || q.Intent != tt.intent {
			t.Errorf("Parse(%q): text form %q intent %s, want %q %s", tt.q, q.TextForm, q.Intent, tt.form, tt.intent)
		}
	}
}
