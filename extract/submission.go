package extract

// readSubmission reads an EDGAR submission file.
func readSubmission(doc *Document, src []byte) []block {
	var b []block
	doc.Lines, b = readText(src, 0)
	return b
}
