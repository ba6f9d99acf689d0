package web_test

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/color/palette"
	"image/draw"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/parley-bot/parley/bot/web"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "write docs/web-answer.png and docs/web-article.png from the browser test")

// chromium finds a Chromium to drive: $PARLEY_CHROMIUM, else chromium or
// Chrome on the PATH. Without one the test is skipped, except under
// CI=true, where a skipped browser test would hide a broken page.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PARLEY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found and CI=true: the browser test must run in CI (.ci/run installs the chromium package)")
	}
	t.Skip("no Chromium found: install the chromium package (or set PARLEY_CHROMIUM) to run the browser test")
	return ""
}

// browser starts a headless Chromium for the test. The flags keep it off
// the network (the machine's is closed, and it would hang on refused
// connections) and let it run as root in a container.
func browser(t *testing.T, width, height int64) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(int(width), int(height)),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

// scripts turns JavaScript in the page off or on.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

// target is what the browser finds at the citation's sentence.
type target struct {
	ID, Text           string
	Background, Plain  string // computed background of the target and of another sentence
	Top, Bottom, Inner float64
}

// TestBrowserAsksAndFollowsACitation drives a real browser, with
// JavaScript off as a reader may have it: ask on /, see the quote, follow
// its citation, and find the quoted sentence highlighted and in view. No
// request may leave Parley's own server.
func TestBrowserAsksAndFollowsACitation(t *testing.T) {
	p := seeded(t)
	s := mustServer(t, p, web.Config{})
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		s.ServeHTTP(w, r)
	}))
	defer srv.Close()
	const question = "Who met with Putin in Moscow?"
	want, err := p.Engine.Answer(t.Context(), question)
	if err != nil || !want.Answered {
		t.Fatalf("the engine does not answer %q: %v", question, err)
	}

	ctx := browser(t, 480, 760)
	var mu sync.Mutex
	var requested []string
	err = chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requested = append(requested, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
	}
	step("enable network events", chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{})
		return err
	})))
	// The reader's part, with JavaScript off: ask by keyboard, read the
	// quote, follow its citation.
	step("ask", chromedp.Do(ctx,
		scripts(false),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), question+kb.Enter),
		chromedp.WaitVisible(chromedp.CSS("figure blockquote")),
	))
	quoteText, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("figure blockquote")))
	step("read the quote", err)
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("figure figcaption a"), "href"))
	step("read the citation", err)
	citeHref := href.Value
	answerShot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	step("screenshot the answer", err)
	step("follow the citation", chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("figure figcaption a")),
		chromedp.WaitVisible(chromedp.CSS(".s:target")),
	))
	location, err := chromedp.Run(ctx, chromedp.Location())
	step("read the location", err)
	articleShot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	step("screenshot the article", err)
	// The test's part: measure with a script, run by the browser's
	// debugger, not the page.
	step("turn scripts on to measure", chromedp.Do(ctx, scripts(true)))
	at, err := chromedp.Run(ctx, chromedp.Evaluate[target](`(() => {
		const el = document.querySelector(':target');
		const other = document.querySelector('.s:not(:target)');
		const r = el.getBoundingClientRect();
		return {ID: el.id, Text: el.textContent,
			Background: getComputedStyle(el).backgroundColor, Plain: getComputedStyle(other).backgroundColor,
			Top: r.top, Bottom: r.bottom, Inner: window.innerHeight};
	})()`))
	step("measure the target", err)

	if strings.TrimSpace(quoteText) != want.Quotes[0].Text {
		t.Errorf("the answer page quotes %q, want %q", quoteText, want.Quotes[0].Text)
	}
	u, err := url.Parse(location)
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/articles/"+want.Quotes[0].Article || u.Fragment != at.ID || !strings.HasSuffix(citeHref, "#"+at.ID) {
		t.Errorf("followed %q to %s, landed on #%s", citeHref, location, at.ID)
	}
	if at.Text != want.Quotes[0].Text {
		t.Errorf("the targeted sentence reads %q, want the quote %q", at.Text, want.Quotes[0].Text)
	}
	if at.Background == at.Plain || at.Background == "rgba(0, 0, 0, 0)" || at.Background == "" {
		t.Errorf("the quoted sentence is not highlighted: background %q, other sentences %q", at.Background, at.Plain)
	}
	if at.Top < 0 || at.Bottom > at.Inner {
		t.Errorf("the quoted sentence is not in view: top %.0f, bottom %.0f, viewport height %.0f", at.Top, at.Bottom, at.Inner)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, r := range requested {
		if !strings.HasPrefix(r, srv.URL+"/") {
			t.Errorf("the page requested %s, outside Parley", r)
		}
	}
	if len(requested) < 3 {
		t.Errorf("saw %d requests, want at least the form, the answer and the article", len(requested))
	}
	t.Logf("browser requests: %d (all to Parley), served: %d", len(requested), served.Load())

	if *updateScreenshots {
		for name, shot := range map[string][]byte{"web-answer.png": answerShot, "web-article.png": articleShot} {
			path := filepath.Join("..", "..", "docs", name)
			small, err := smallPNG(shot)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, small, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote %s (%d bytes)", path, len(small))
		}
	}
}

// smallPNG re-encodes a screenshot with a 256-colour palette at best
// compression: a quarter of the size, text as sharp, for docs/.
func smallPNG(shot []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		return nil, err
	}
	p := image.NewPaletted(img.Bounds(), palette.Plan9)
	draw.Draw(p, p.Bounds(), img, img.Bounds().Min, draw.Src)
	var out bytes.Buffer
	err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, p)
	return out.Bytes(), err
}
