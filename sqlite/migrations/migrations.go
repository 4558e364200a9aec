// Package migrations holds the SQL files that create and upgrade the
// record's schema (package sqlite applies them), apart from the store so
// that what names them, the image file's key (package imagefile), links no
// SQLite.
package migrations

import (
	"embed"
	"path"
	"sort"
)

// Files are the migrations, one SQL file each, named in the order they
// apply.
//
//go:embed *.sql
var Files embed.FS

// Names returns the names of the migrations, in the order they apply.
func Names() []string {
	entries, err := Files.ReadDir(".")
	if err != nil {
		panic(err) // the folder is embedded
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".sql" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}
