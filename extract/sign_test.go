package extract

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestLossSign(t *testing.T) {
	tests := []struct {
		name      string
		key, desc string
		source    string
		change    string
		value     string
		want      string
	}{
		{name: "a net loss in a sentence", key: "net_income", desc: "The Company generated a net loss", source: "text", value: "6728000", want: "-6728000"},
		{name: "a loss per share", key: "eps", desc: "We generated a net loss", source: "text", value: "0.23", want: "-0.23"},
		{name: "net income", key: "net_income", desc: "net income", source: "text", value: "500", want: "500"},
		{name: "a table prints its own sign", key: "net_income", desc: "Net loss", source: "table", value: "6728000", want: "6728000"},
		{name: "a change of a loss", key: "net_income", desc: "net loss", source: "text", change: "change", value: "100", want: "100"},
		{name: "already negative", key: "net_income", desc: "net loss", source: "text", value: "-5", want: "-5"},
		// a metric every name of which is a loss is positive as stated
		{name: "provision for credit losses", key: "provision_credit_losses", desc: "provision for credit losses", source: "text", value: "15", want: "15"},
		{name: "no metric", key: "", desc: "a loss on the sale", source: "text", value: "15", want: "15"},
	}
	for _, tt := range tests {
		f := Fact{Key: tt.key, Source: tt.source, Change: tt.change, Value: decimal.RequireFromString(tt.value)}
		lossSign(&f, tt.desc)
		if f.Value.String() != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, f.Value, tt.want)
		}
	}
}
