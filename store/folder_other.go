//go:build !unix

package store

import "os"

// openFlags open article files read-only; named pipes are a Unix hazard.
const openFlags = os.O_RDONLY
