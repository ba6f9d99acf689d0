package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot/bottest"
	"github.com/parley-bot/parley/bot/slack/slacktest"
)

// binDir holds the built binary; TestMain removes it.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// buildParley builds the command into a temporary folder once per test
// binary run and returns its path; it skips under -short or without go.
var buildParley = sync.OnceValues(func() (string, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", errors.New("no go command on PATH")
	}
	dir, err := os.MkdirTemp("", "parley-bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "parley")
	out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", errors.New("go build: " + err.Error() + ": " + string(out))
	}
	return bin, nil
})

// process is a real parley serve under test.
type process struct {
	cmd    *exec.Cmd
	addr   string
	stderr *bottest.SyncBuffer
	done   chan error
}

// startProcess runs the built binary with args (JSON logs) and waits for
// its "serving" line.
func startProcess(t *testing.T, args ...string) *process {
	t.Helper()
	return startProcessEnv(t, nil, args...)
}

// startProcessEnv is startProcess with extra environment variables.
func startProcessEnv(t *testing.T, env []string, args ...string) *process {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	bin, err := buildParley()
	if err != nil {
		t.Skip(err)
	}
	p := &process{stderr: &bottest.SyncBuffer{}, done: make(chan error, 1)}
	p.cmd = exec.Command(bin, append([]string{"--log-format", "json"}, args...)...)
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout = io.Discard
	pr, pw := io.Pipe()
	p.cmd.Stderr = pw
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	serving := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			p.stderr.Write(append(sc.Bytes(), '\n'))
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "serving" {
				serving <- rec.Addr
			}
		}
	}()
	go func() { p.done <- p.cmd.Wait(); pw.Close() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			<-p.done
		}
	})
	select {
	case p.addr = <-serving:
	case err := <-p.done:
		t.Fatalf("parley serve exited before serving: %v\n%s", err, p.stderr)
	case <-time.After(30 * time.Second):
		t.Fatalf("parley serve did not serve within 30s:\n%s", p.stderr)
	}
	return p
}

// terminate sends SIGTERM and returns the exit code and how long the
// process took to exit; it fails the test if it does not exit within 60s.
func (p *process) terminate(t *testing.T) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.done:
		took := time.Since(start)
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), took
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, took
	case <-time.After(60 * time.Second):
		t.Fatalf("parley serve ignored SIGTERM for 60s:\n%s", p.stderr)
		return -1, 0
	}
}

func TestProcessSIGTERMExitsZero(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "parley.db")
	cfg := writeConfig(t, dir, testConfig+"serve: {workers: 4, shutdown_timeout: 5s}\n")
	p := startProcess(t, "--db", db, "--config", cfg, "serve")
	if code, body := get(t, "http://"+p.addr+"/readyz"); code != 200 {
		t.Fatalf("/readyz = %d %q", code, body)
	}
	code, took := p.terminate(t)
	if code != 0 {
		t.Errorf("exit code after SIGTERM = %d, want 0; stderr:\n%s", code, p.stderr)
	}
	t.Logf("exited %v after SIGTERM (bound 5s)", took)
	logs := p.stderr.String()
	for _, want := range []string{`"msg":"shutting down"`, `"msg":"stopped"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
}

func TestProcessSIGTERMDuringBurst(t *testing.T) {
	// A real process answering Slack events gets SIGTERM mid-burst: it
	// exits 0 within the bound, and every event it acknowledged is
	// answered exactly once.
	fake := slacktest.New(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, testConfig+"serve: {shutdown_timeout: 10s}\n"+
		"slack:\n  enabled: true\n  mode: http\n  bot_token: ${SLACK_BOT_TOKEN}\n  signing_secret: ${SLACK_SIGNING_SECRET}\n  api_url: "+fake.APIURL()+"\n")
	p := startProcessEnv(t, []string{"SLACK_BOT_TOKEN=" + loadBotToken, "SLACK_SIGNING_SECRET=" + loadSecret},
		"--db", filepath.Join(dir, "parley.db"), "--config", cfg, "serve")
	r := &loadRig{client: &http.Client{Timeout: 10 * time.Second}}
	r.addr.Store(&p.addr)
	defer r.client.CloseIdleConnections()

	const events, concurrency = 150, 10
	var acked sync.Map
	var n atomic.Int32
	var once sync.Once
	var code int
	var took time.Duration
	exited := make(chan struct{})
	var wg sync.WaitGroup
	next := make(chan int)
	for range concurrency {
		wg.Go(func() {
			for i := range next {
				key := fmt.Sprintf("1765200000.%06d", i)
				status, err := r.sendSlack(fmt.Sprintf("EvTerm%05d", i), key, loadQuestions[i%len(loadQuestions)], 0)
				if err == nil && status == http.StatusOK {
					acked.Store(key, true)
				}
				if n.Add(1) == events/3 {
					once.Do(func() {
						go func() { code, took = p.terminate(t); close(exited) }()
					})
				}
			}
		})
	}
	for i := range events {
		next <- i
	}
	close(next)
	wg.Wait()
	<-exited
	if code != 0 {
		t.Errorf("exit code after SIGTERM mid-burst = %d, want 0; stderr:\n%s", code, p.stderr)
	}
	replies := map[string]int{}
	for _, post := range fake.Posts() {
		replies[post.ThreadTS]++
	}
	count := 0
	acked.Range(func(k, _ any) bool {
		count++
		if replies[k.(string)] != 1 {
			t.Errorf("acknowledged event %s answered %d times, want exactly once", k, replies[k.(string)])
		}
		return true
	})
	for k, c := range replies {
		if _, ok := acked.Load(k); !ok {
			t.Logf("event %s answered (%d) though its acknowledgement was lost in the shutdown; Slack would retry and be deduplicated", k, c)
		}
	}
	// Each answered event left one info line with its event id, and no
	// question text.
	logs := p.stderr.String()
	for _, k := range []string{"EvTerm00000", "EvTerm00001"} {
		if !strings.Contains(logs, `"msg":"question","platform":"slack","channel":"C0GENERAL","user":"U0ALICE","event_id":"`+k+`"`) {
			t.Errorf("no question log line for %s", k)
		}
	}
	if strings.Contains(logs, "Putin") {
		t.Error("a question's text reached the info log")
	}
	t.Logf("SIGTERM after %d of %d events: exited %d in %v; %d acknowledged, all answered once", events/3, events, code, took, count)
}
