package store_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parley-bot/parley/store"
	"github.com/parley-bot/parley/store/storetest"
)

// hostileFolder builds a folder that tries to turn ingest against the
// host, beside a secret file outside it, and returns the folder: a FIFO,
// symlinks out of it (absolute and relative), a dangling one, a 1.5 GiB
// sparse file, a subfolder named like an article, HTML saved as .txt and
// as .html, one good file and a symlink to it.
func hostileFolder(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "articles")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(base, "private.txt")
	write(t, outside, "XYZZY-OUTSIDE-7731: the operator's private notes.")
	write(t, filepath.Join(dir, "good.txt"), "---\ntitle: Good\n---\nNegotiators met in Geneva on Sunday. They talked for six hours.\n")
	write(t, filepath.Join(dir, "page.txt"), "<!DOCTYPE html>\n<html><head><title>Talks</title></head><body><p>Negotiators met.</p></body></html>\n")
	write(t, filepath.Join(dir, "saved.html"), "<p>Negotiators met in Geneva.</p>")
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for name, target := range map[string]string{
		"zero.txt":     "/dev/zero",
		"passwd.txt":   "/etc/passwd",
		"abs.txt":      outside,
		"relative.txt": "../private.txt",
		"dangling.txt": "missing.txt",
		"inside.txt":   "good.txt", // stays inside: followed
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	big, err := os.Create(filepath.Join(dir, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// 1.5 GiB, sparse: it costs no disk, and reading it whole would
	// cost 1.5 GiB of memory.
	if err := big.Truncate(3 << 29); err != nil {
		t.Fatal(err)
	}
	big.Close()
	if err := os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFolderRefusesHostileFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		dir := hostileFolder(t)
		st := be.Empty(t)
		folder, err := store.OpenFolder(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer folder.Close()
		// Ingest must end by itself: a hang on the FIFO fails here, not at
		// the test binary's timeout.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		done := make(chan struct{})
		var res []store.FileResult
		go func() {
			defer close(done)
			res, err = st.NewBatch(storetest.Epoch).Folder(ctx, folder, dir)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("ingest of the hostile folder did not end within 20s")
		}
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]error{}
		for _, r := range res {
			got[filepath.Base(r.Name)] = r.Err
			if !strings.HasPrefix(r.Name, dir) {
				t.Errorf("result %q does not name the folder %s", r.Name, dir)
			}
		}
		for _, c := range []struct {
			name string
			want error // nil: ingested
		}{
			{"good.txt", nil},
			{"inside.txt", nil}, // a symlink that stays inside the folder is followed
			{"fifo.txt", store.ErrNotRegular},
			{"folder.txt", store.ErrNotRegular},
			{"zero.txt", store.ErrOutside},
			{"passwd.txt", store.ErrOutside},
			{"abs.txt", store.ErrOutside},
			{"relative.txt", store.ErrOutside},
			{"dangling.txt", fs.ErrNotExist},
			{"big.txt", store.ErrTooLarge},
			{"page.txt", store.ErrHTML},
		} {
			err, ok := got[c.name]
			switch {
			case !ok:
				t.Errorf("%s: no result", c.name)
			case c.want == nil && err != nil:
				t.Errorf("%s = %v, want ingested", c.name, err)
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("%s = %v, want %v", c.name, err, c.want)
			}
		}
		if _, ok := got["saved.html"]; ok {
			t.Error("a saved .html page was read as a text article")
		}
		arts, err := st.Articles(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range arts {
			ids = append(ids, a.ID)
			body, _ := st.Body(context.Background(), a.ID)
			if strings.Contains(body, "XYZZY") || strings.Contains(body, "root:") || strings.Contains(body, "<") {
				t.Errorf("article %s holds text from outside the folder or markup: %q", a.ID, body)
			}
		}
		if strings.Join(ids, ",") != "good,inside" {
			t.Errorf("stored articles %v, want [good inside]", ids)
		}
	})
}

func TestFileErrorsReadWell(t *testing.T) {
	dir := hostileFolder(t)
	folder, err := store.OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer folder.Close()
	for name, want := range map[string]string{
		"fifo.txt":   "a named pipe (FIFO), not a regular file",
		"zero.txt":   "a symlink leading outside the folder; not followed",
		"big.txt":    "too large: 1.5 GiB, more than the 4.0 MiB an article file may have",
		"folder.txt": "a folder, not a regular file",
	} {
		_, err := store.ReadFile(folder, name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(%s) = %v, want it to say %q", name, err, want)
		}
	}
}

// lyingFile claims to be empty, as files in /proc do, but never ends.
type lyingFile struct{ read *int64 }

func (f lyingFile) Stat() (fs.FileInfo, error) { return fstest.MapFS{"x": {}}.Stat("x") }
func (f lyingFile) Close() error               { return nil }
func (f lyingFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	*f.read += int64(len(p))
	return len(p), nil
}

type lyingFS struct{ read *int64 }

func (l lyingFS) Open(string) (fs.File, error) { return lyingFile(l), nil }

func TestReadFileIsBoundedWhateverTheSize(t *testing.T) {
	var read int64
	_, err := store.ReadFile(lyingFS{&read}, "endless.txt")
	if !errors.Is(err, store.ErrTooLarge) {
		t.Errorf("ReadFile of an endless file = %v, want ErrTooLarge", err)
	}
	if read > store.MaxFile+64<<10 {
		t.Errorf("read %d bytes of an endless file, want at most about %d", read, store.MaxFile)
	}
}

func TestParseFileAcceptsBOMAndCRLF(t *testing.T) {
	for name, data := range map[string]string{
		"bom.txt":     "\xEF\xBB\xBF---\ntitle: Talks\npublished: 2025-12-07\n---\nNegotiators met in Geneva.\n",
		"crlf.txt":    "---\r\ntitle: Talks\r\npublished: 2025-12-07\r\n---\r\nNegotiators met in Geneva.\r\n\r\nThey talked.\r\n",
		"bomcrlf.txt": "\xEF\xBB\xBF---\r\ntitle: Talks\r\npublished: 2025-12-07\r\n---\r\nNegotiators met in Geneva.\r\n",
	} {
		d, err := store.ParseFile(name, []byte(data), store.Meta{})
		if err != nil {
			t.Errorf("ParseFile(%s) = %v", name, err)
			continue
		}
		if d.Title != "Talks" || d.Published != "2025-12-07" {
			t.Errorf("ParseFile(%s) header = title %q published %q, want the header read", name, d.Title, d.Published)
		}
		if strings.Contains(d.Body, "---") || strings.Contains(d.Body, "\r") || strings.Contains(d.Body, "\uFEFF") {
			t.Errorf("ParseFile(%s) body = %q, want the text alone", name, d.Body)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, ok := range map[string]bool{
		"000_2daefb0e2dba6216":   true,
		"geneva-talks.2025":      true,
		"A":                      true,
		"":                       false,
		"../../etc/passwd a b":   false,
		"..":                     false,
		"a..b":                   false,
		".hidden":                false,
		"-flag":                  false,
		"a/b":                    false,
		`a\b`:                    false,
		"a b":                    false,
		"naïve":                  false,
		"a\nb":                   false,
		strings.Repeat("x", 128): true,
		strings.Repeat("x", 129): false,
	} {
		if err := store.ValidID(id); (err == nil) != ok {
			t.Errorf("ValidID(%q) = %v, want ok %v", id, err, ok)
		}
	}
}

func TestHeaderIDIsValidatedAndCannotClash(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		fsys := fstest.MapFS{
			"a.txt":       {Data: []byte("Negotiators met in Geneva on Sunday.\n")},
			"b.txt":       {Data: []byte("---\nid: a\n---\nA different article that claims a's id.\n")},
			"evil.txt":    {Data: []byte("---\nid: ../../etc/passwd a b\n---\nText.\n")},
			"renamed.txt": {Data: []byte("---\nid: geneva-2025\n---\nThe talks went on for six hours.\n")},
		}
		res, err := st.IngestFS(context.Background(), fsys, storetest.Epoch)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]store.FileResult{}
		for _, r := range res {
			got[r.Name] = r
		}
		if r := got["a.txt"]; r.Err != nil || r.ID != "a" {
			t.Errorf("a.txt = %+v, want ingested as a", r)
		}
		if r := got["b.txt"]; r.Err == nil || !strings.Contains(r.Err.Error(), `id "a" is already the id of a.txt in this run`) {
			t.Errorf("b.txt = %v, want refused for claiming a.txt's id", r.Err)
		}
		if r := got["evil.txt"]; r.Err == nil || !strings.Contains(r.Err.Error(), "header id") {
			t.Errorf("evil.txt = %v, want its header id refused", r.Err)
		}
		if r := got["renamed.txt"]; r.Err != nil || r.ID != "geneva-2025" {
			t.Errorf("renamed.txt = %+v, want ingested as geneva-2025", r)
		}
		body, err := st.Body(context.Background(), "a")
		if err != nil || !strings.Contains(body, "Geneva") {
			t.Errorf("article a = %q, %v; want a.txt's text, not b.txt's", body, err)
		}
	})
}

func TestBatchStopsBetweenFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, be storetest.Backend) {
		st := be.Empty(t)
		fsys := fstest.MapFS{}
		for _, n := range []string{"a", "b", "c", "d"} {
			fsys[n+".txt"] = &fstest.MapFile{Data: []byte("Article " + n + " says the talks went on.\n")}
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		b := st.NewBatch(storetest.Epoch)
		b.Progress = func(r store.FileResult) {
			if r.Name == "b.txt" {
				cancel() // as SIGINT would, while b.txt is the last file done
			}
		}
		res, err := b.Folder(ctx, fsys, "")
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Folder after cancel = %v, want context.Canceled", err)
		}
		if len(res) != 2 {
			t.Errorf("%d results, want 2 (a and b, then stop)", len(res))
		}
		arts, _ := st.Articles(context.Background())
		if len(arts) != 2 {
			t.Errorf("%d articles stored, want 2", len(arts))
		}
	})
}
