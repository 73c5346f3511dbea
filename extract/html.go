package extract

// readHTML reads an HTML release into a reading view and blocks.
func readHTML(src []byte, base int) ([]Line, []block) {
	return readText(src, base)
}
