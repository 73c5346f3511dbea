package index

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"runtime/debug"
	"slices"

	"github.com/blevesearch/bleve/v2"
)

// An index may be split into shards: several Bleve indexes in folders
// shard-00, shard-01, … of the index folder, searched as one through a
// Bleve index alias. A release's records all go to one shard, picked by a
// hash of the release's name, so that
//
//   - adding or replacing a release writes one shard, in one batch: still
//     atomic, and each shard's segment merges stay small;
//   - reading one release (its description, reading view, facts) searches
//     one shard, found from the name alone, without a catalogue;
//   - a search over every release runs on all shards at once (on as many
//     cores as there are) and the alias merges their best hits.
//
// The shard count is fixed when the index is created (Options.Shards) and
// kept in the marker; an index of one shard is Bleve's folder itself, as
// every index made before shards. Each shard scores text with its own term
// statistics, so a passage's score over a sharded index can differ a
// little from its score over one index; figures are scored by ex99, never
// by Bleve.

// MaxShards is the most shards an index may have.
const MaxShards = 64

// shardDir is the folder of shard i of the index at path.
func shardDir(path string, i int) string { return filepath.Join(path, fmt.Sprintf("shard-%02d", i)) }

// bleveDirs are the Bleve index folders of an index of n shards at path:
// the folder itself for one shard.
func bleveDirs(path string, n int) []string {
	if n <= 1 {
		return []string{path}
	}
	dirs := make([]string, n)
	for i := range dirs {
		dirs[i] = shardDir(path, i)
	}
	return dirs
}

// shardOf is the shard of n that holds release name: FNV-1a of the name,
// which no Go release changes (the key must be the same for every ex99
// that opens the index).
func shardOf(name string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32() % uint32(n))
}

// shardFor is the Bleve index holding release name's records.
func (x *Index) shardFor(name string) bleve.Index {
	return x.shards[shardOf(name, len(x.shards))]
}

// Shards is how many shards the index has (1 when it is not split).
func (x *Index) Shards() int { return len(x.shards) }

// searcher is the search of a query scoped to docs: over the shard
// holding them, when they are one release, else over the whole index. A
// user's query string (user set) keeps its errors as the user's
// (run).
func (x *Index) searcher(docs []string, user bool) func(*bleve.SearchRequest) (*bleve.SearchResult, error) {
	b := x.b
	if len(docs) == 1 {
		b = x.shardFor(docs[0])
	}
	if user {
		return func(req *bleve.SearchRequest) (*bleve.SearchResult, error) { return x.run(b, req) }
	}
	return func(req *bleve.SearchRequest) (*bleve.SearchResult, error) { return x.searchIn(b, req) }
}

// searchable is what x.b reads from: the one index, or an alias over the
// shards, each guarded.
func searchable(shards []bleve.Index) bleve.Index {
	if len(shards) == 1 {
		return shards[0]
	}
	gs := make([]bleve.Index, len(shards))
	for i, s := range shards {
		gs[i] = guarded{s}
	}
	return bleve.NewIndexAlias(gs...)
}

// guarded is a shard as the alias searches it, in a goroutine of the
// alias's own, out of reach of run's recover: a panic or a memory
// fault inside Bleve becomes the shard's error (a faultError), which the
// alias reports in the result's status.
type guarded struct{ bleveIndex }

// bleveIndex names bleve.Index for embedding (a field named Index would
// hide the method Index).
type bleveIndex = bleve.Index

// SearchInContext searches the shard, turning a panic into an error.
func (g guarded) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, &faultError{fmt.Sprint(r)}
		}
	}()
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	return g.bleveIndex.SearchInContext(ctx, req)
}

// faultError is a panic inside Bleve while a shard was searched.
type faultError struct{ what string }

func (e *faultError) Error() string { return e.what }

// shardError is the error of a search over shards that some shard failed
// (the alias returns no error, only a status), or nil. Of several, the
// first shard's in name order.
func shardError(res *bleve.SearchResult) error {
	if res == nil || res.Status == nil || res.Status.Failed == 0 || len(res.Status.Errors) == 0 {
		return nil
	}
	names := make([]string, 0, len(res.Status.Errors))
	for n := range res.Status.Errors {
		names = append(names, n)
	}
	slices.Sort(names)
	return res.Status.Errors[names[0]]
}

// isFault reports whether err is a panic inside Bleve or a read that did
// not match what the index says it holds: damage, never the user's error.
func isFault(err error) bool {
	var f *faultError
	return errors.As(err, &f) || errors.Is(err, bleve.ErrorIndexReadInconsistency)
}
