// Package seed embeds the release ex99 answers over before any index is
// built, so that the README's first command works on a fresh clone.
package seed

import _ "embed"

// Name is the embedded release's document name.
const Name = "innovo-2004q2.txt"

// Release is the embedded release: Innovo Group's second quarter of fiscal
// 2004 (SEC Form 8-K, Exhibit 99.1, plain text). testdata/ holds the same
// file; a test keeps the two equal.
//
//go:embed innovo-2004q2.txt
var Release []byte
