package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// ErrNotRegular marks a path that is not a regular file: a named pipe
// (FIFO), a device, a socket or a folder. Parley reads only regular files.
var ErrNotRegular = errors.New("not a regular file")

// ErrOutside marks a symlink whose target lies outside the folder being
// ingested (or is absolute): it is not followed.
var ErrOutside = errors.New("a symlink leading outside the folder; not followed")

// Folder is a folder of article files on disk, opened so that ingesting it
// cannot be turned against the host:
//
//   - names resolve only inside the folder (an os.Root): a symlink is
//     followed only when it is relative and its target stays inside, so a
//     link to /etc/passwd or /dev/zero is refused with ErrOutside;
//   - opening never blocks: files are opened non-blocking, so a named pipe
//     with no writer is opened at once, seen for what it is and refused
//     with ErrNotRegular, as are devices and sockets.
//
// Folder implements fs.FS and fs.ReadDirFS, for Batch.Folder and
// Batch.Files. Close it when done.
type Folder struct {
	root *os.Root
	path string
}

// OpenFolder opens the folder at path.
func OpenFolder(path string) (*Folder, error) {
	root, err := os.OpenRoot(path)
	if err != nil {
		return nil, fmt.Errorf("open folder %s: %w", path, cause(err))
	}
	return &Folder{root: root, path: path}, nil
}

// Close releases the folder.
func (f *Folder) Close() error { return f.root.Close() }

// Open opens a regular file or a folder by its slash-separated name inside
// the folder. Anything else is refused without blocking: a symlink out of
// the folder (ErrOutside), a named pipe, a device or a socket
// (ErrNotRegular).
func (f *Folder) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	file, err := f.root.OpenFile(name, openFlags, 0)
	if err != nil {
		if fi, lerr := f.root.Lstat(name); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("a symlink to nothing: %w", fs.ErrNotExist)}
			}
			return nil, &fs.PathError{Op: "open", Path: name, Err: ErrOutside}
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: cause(err)}
	}
	fi, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, &fs.PathError{Op: "stat", Path: name, Err: cause(err)}
	}
	if !fi.Mode().IsRegular() && !fi.IsDir() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: notRegular(fi.Mode())}
	}
	return file, nil
}

// ReadDir lists a folder inside the folder, sorted by name.
func (f *Folder) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	list, err := dir.ReadDir(-1)
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, err
}

// notRegular names what a non-regular file is, wrapping ErrNotRegular.
func notRegular(m fs.FileMode) error {
	var what string
	switch {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m.IsDir():
		what = "a folder"
	default:
		what = "a special file"
	}
	return fmt.Errorf("%s, %w", what, ErrNotRegular)
}

var _ fs.ReadDirFS = (*Folder)(nil)

// cause is the error a *fs.PathError wraps, so that a message names the
// path once.
func cause(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}
