//go:build !unix

package index

// lockedByOther cannot tell without flock; Bleve's bolt_timeout decides.
func lockedByOther(string, bool) bool { return false }
