package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// savedPage is a news page as a browser saves it.
const savedPage = `<!DOCTYPE html><html><head><title>Envoys meet in Geneva</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet in Geneva</h1>
<p>Negotiators from both delegations met in Geneva on Monday for a second round of talks about the framework.</p>
<p>The meeting lasted six hours, according to two officials who spoke on condition of anonymity.</p>
<p>Both sides said they would return next week to continue work on the remaining points of the plan.</p>
<p>Observers described the atmosphere as constructive, though several disputes remain unresolved.</p>
<p>A spokesman for one delegation told reporters that the sequence of steps in the plan was the main question still open.</p>
<p>The next round is expected to include economic advisers as well as the envoys who led the first two meetings.</p>
</article><footer>Follow us on social media</footer></body></html>
`

// hostileArticles makes a folder of article files that tries to turn
// ingest against the host, beside a secret file outside it: a FIFO, a
// symlink to /dev/zero, symlinks to a file outside the folder, a 1.5 GiB
// sparse file, HTML saved as .txt, and one good file.
func hostileArticles(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	dir := filepath.Join(base, "articles")
	must(t, os.Mkdir(dir, 0o755))
	outside := filepath.Join(base, "private.txt")
	must(t, os.WriteFile(outside, []byte("XYZZY-OUTSIDE-7731: the operator's own notes.\n"), 0o600))
	must(t, os.WriteFile(filepath.Join(dir, "good.txt"), []byte("---\ntitle: Geneva talks\npublished: 2025-12-08\n---\nNegotiators met in Geneva on Monday. They talked for six hours.\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "page.txt"), []byte(savedPage), 0o644))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	must(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt")))
	must(t, os.Symlink(outside, filepath.Join(dir, "private.txt")))
	must(t, os.Symlink("../private.txt", filepath.Join(dir, "notes.txt")))
	big, err := os.Create(filepath.Join(dir, "big.txt"))
	must(t, err)
	must(t, big.Truncate(3<<29)) // 1.5 GiB, sparse
	must(t, big.Close())
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestIngestHostileFolder(t *testing.T) {
	// The built binary, on a folder built to hang, crash or leak it: it
	// must end by itself, keep the good file, read the HTML saved as .txt
	// as a page (its text, never its markup), store nothing from outside
	// the folder, and stay small. Its peak RSS is reported (and bounded
	// far above what a bounded read needs, far below a file read whole).
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	bin, err := buildParley()
	if err != nil {
		t.Skip(err)
	}
	dir := hostileArticles(t)
	db := filepath.Join(t.TempDir(), "parley.db")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "--db", db, "ingest", dir)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("ingest of the hostile folder did not end within 60s (killed):\n%s%s", stdout.String(), stderr.String())
	}
	var exit *exec.ExitError
	if !errors.As(runErr, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit = %v, want status 1 (files skipped)", runErr)
	}
	for _, want := range []string{
		"fifo.txt: a named pipe (FIFO), not a regular file",
		"zero.txt: a symlink leading outside the folder; not followed",
		"private.txt: a symlink leading outside the folder; not followed",
		"notes.txt: a symlink leading outside the folder; not followed",
		"big.txt: too large: 1.5 GiB, more than the 4.0 MiB an article file may have",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "added     good\n") || !strings.Contains(stdout.String(), "added     page "+filepath.Join(dir, "page.txt")) ||
		!strings.Contains(stdout.String(), "2 added, 0 updated, 0 unchanged, 5 skipped") {
		t.Errorf("stdout = %q, want the good file and the page added, five skipped", stdout.String())
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	must(t, err)
	defer conn.Close()
	var leaked int
	must(t, conn.QueryRow(`SELECT count(*) FROM articles WHERE body LIKE '%XYZZY-OUTSIDE%' OR body LIKE '%<%' OR body LIKE '%root:%' OR id IN ('zero', 'private', 'notes', 'big', 'fifo')`).Scan(&leaked))
	if leaked != 0 {
		t.Errorf("%d articles hold something from outside the folder, a refused file or markup", leaked)
	}
	var good int
	must(t, conn.QueryRow(`SELECT count(*) FROM articles WHERE (id = 'good' AND title = 'Geneva talks') OR (id = 'page' AND body LIKE '%Negotiators from both delegations met in Geneva%')`).Scan(&good))
	if good != 2 {
		t.Error("the good file, or the page's extracted text, was not kept")
	}
	rss := peakRSS(cmd.ProcessState)
	t.Logf("hostile folder: ended in %v, exit %v, peak RSS %.1f MiB", took.Round(time.Millisecond), runErr, float64(rss)/(1<<20))
	if rss > 300<<20 {
		t.Errorf("peak RSS %.0f MiB, want well under 300 MiB: something read a file whole", float64(rss)/(1<<20))
	}
}

// peakRSS is a finished process's peak resident set size in bytes, or 0
// where the platform does not say.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return ru.Maxrss // bytes
	}
	return ru.Maxrss << 10 // KiB on Linux
}

// cancelAfter is a writer that cancels a context once it has seen n
// lines: SIGINT arriving while a run is part-way through.
type cancelAfter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	n      int
	cancel func()
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Write(p)
	if bytes.Count(c.buf.Bytes(), []byte("\n")) >= c.n {
		c.cancel()
	}
	return len(p), nil
}

func TestIngestStopsCleanlyBetweenFiles(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	must(t, os.Mkdir(arts, 0o755))
	for i := range 20 {
		must(t, os.WriteFile(filepath.Join(arts, fmt.Sprintf("a%02d.txt", i)), fmt.Appendf(nil, "Article %d says the talks went on for %d hours.\n", i, i+1), 0o644))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &cancelAfter{n: 3, cancel: cancel}
	var errb bytes.Buffer
	no := false
	env := Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: &errb, Getenv: func(string) string { return "" }, Interactive: &no}
	code := run(ctx, []string{"--db", filepath.Join(dir, "parley.db"), "ingest", arts}, env)
	if code != 1 || !strings.Contains(errb.String(), "interrupted after 3 files") {
		t.Fatalf("ingest interrupted after 3 files: exit %d, stderr %q", code, errb.String())
	}
	if !strings.Contains(out.buf.String(), "3 added, 0 updated, 0 unchanged, 0 skipped") {
		t.Errorf("stdout = %q, want the three files done counted", out.buf.String())
	}
	// What was stored is whole, and running again finishes the job.
	code, stdout, stderr := cli(t, dir, "", "ingest", arts)
	if code != 0 || !strings.Contains(stdout, "17 added, 0 updated, 3 unchanged, 0 skipped") {
		t.Errorf("second run: exit %d, %q %q", code, stdout, stderr)
	}
}

func TestIngestBOMCRLF(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	must(t, os.Mkdir(arts, 0o755))
	must(t, os.WriteFile(filepath.Join(arts, "windows.txt"), []byte("\xEF\xBB\xBF---\r\ntitle: Saved on Windows\r\n---\r\nNegotiators met in Geneva.\r\n"), 0o644))
	code, out, errs := cli(t, dir, "", "ingest", arts)
	if code != 0 || !strings.Contains(out, "added     windows") {
		t.Fatalf("ingest: exit %d, out %q, err %q", code, out, errs)
	}
	code, out, _ = cli(t, dir, "", "sources")
	if code != 0 || !strings.Contains(out, "“Saved on Windows”") {
		t.Errorf("sources = %q, want the header's title read despite BOM and CRLF", out)
	}
}
