//go:build unix

package store

import (
	"os"
	"syscall"
)

// openFlags open article files without ever blocking: a named pipe with no
// writer would otherwise hang open(2) until one appears.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
