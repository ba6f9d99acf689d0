package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// urlScheme matches the start of a URL ("mysql://").
var urlScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// checkSQLitePath says what is wrong with path as a SQLite file before
// SQLite says "unable to open database file": another database's URL, a
// folder, or a file in a folder that does not exist.
func checkSQLitePath(path string) error {
	if path == ":memory:" {
		return nil
	}
	if s := urlScheme.FindString(path); s != "" {
		return fmt.Errorf("%q is not a store location: give a SQLite file path or a postgres:// URL", s)
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return errors.New("is a folder, not a SQLite file")
	case err == nil, !errors.Is(err, fs.ErrNotExist):
		return nil // SQLite says what else is wrong
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("no folder %s to create the store in", dir)
	}
	return nil
}

// notADatabase reports whether err is SQLite finding that the file is not
// a database.
func notADatabase(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_NOTADB
}
