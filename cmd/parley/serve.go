package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/sync/errgroup"

	"github.com/parley-bot/parley/bot"
)

const (
	// defaultShutdownTimeout bounds a graceful shutdown unless
	// serve.shutdown_timeout says otherwise.
	defaultShutdownTimeout = 10 * time.Second
	// maxShutdownTimeout and maxWorkers keep config values sane.
	maxShutdownTimeout = 5 * time.Minute
	maxWorkers         = 10000
	// maxBodyBytes limits every request body. Slack events and Discord
	// interactions are a few kilobytes; nothing legitimate comes near.
	maxBodyBytes = 1 << 20
	// readyTimeout bounds the store query behind /readyz, so a locked or
	// stuck store reads as not ready instead of hanging the probe.
	readyTimeout = 2 * time.Second
)

// component is one part of `parley serve`: an adapter or a job. Routes
// adds its HTTP endpoints, if any; Run blocks until ctx is done; Ready
// reports nil once the component can do its work (an adapter is
// connected), for /readyz.
type component interface {
	Routes(mux *http.ServeMux)
	Run(ctx context.Context) error
	Ready() error
}

// componentMakers build the enabled components from the config; a maker
// returns nil when its part is disabled.
var componentMakers = []func(ctx context.Context, m *Main) (component, error){
	newSlack,
	newDiscord,
	newDaily,
	newWeekly,
	newMemoryJob,
	newWebPages,
	newFeeds,
	newInboxJob, // last: the adapters above register with the inbox
}

// inboxJob works the inbox in serve: it takes up events left unanswered
// (by a crash, a stop, an overload), renews leases and prunes. It has no
// endpoints and is ready from the start.
type inboxJob struct{ in *bot.Inbox }

func newInboxJob(ctx context.Context, m *Main) (component, error) { return &inboxJob{m.Inbox}, nil }

func (j *inboxJob) Routes(*http.ServeMux)         {}
func (j *inboxJob) Run(ctx context.Context) error { return j.in.Run(ctx) }
func (j *inboxJob) Ready() error                  { return nil }

func runServe(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("serve")
	domainFlag(fs, g)
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve takes no arguments")
	}
	g.Resident = true
	return withMain(ctx, g, env, func(m *Main) error {
		return m.Serve(ctx, nil)
	})
}

// Serve runs every enabled component and the HTTP server (webhooks,
// /healthz, /readyz, /metrics) until ctx is done, then shuts down
// gracefully: /readyz turns 503, the server stops taking requests and
// finishes those in flight, then components stop, and answers still running on
// m.Pool get until serve.shutdown_timeout (counted from ctx being done) to
// finish; events still unanswered then are given back to the inbox for the
// next start. A shutdown asked for through ctx returns nil. When ready is
// non-nil it receives the listener's address once the server accepts
// connections, so tests can use ":0". The caller closes the store.
func (m *Main) Serve(ctx context.Context, ready chan<- string) error {
	var comps []component
	for _, mk := range componentMakers {
		c, err := mk(ctx, m)
		if err != nil {
			return err
		}
		if c != nil {
			comps = append(comps, c)
		}
	}
	if err := m.registerServeMetrics(); err != nil {
		return err
	}
	var draining atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := m.readiness(r.Context(), &draining, comps); err != nil {
			m.Log.Debug("not ready", slog.Any("reason", err))
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %s\n", oneLine(err.Error()))
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{
		ErrorLog:            slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
		MaxRequestsInFlight: 4,
		Timeout:             5 * time.Second,
	}))
	for _, c := range comps {
		c.Routes(mux)
	}
	ln, err := net.Listen("tcp", m.Config.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s (http.listen): %w", m.Config.HTTP.Listen, err)
	}
	srv := &http.Server{
		Handler:           http.MaxBytesHandler(mux, maxBodyBytes),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(m.Log.Handler(), slog.LevelWarn),
	}
	m.Log.Info("serving", slog.String("addr", ln.Addr().String()), slog.Int("components", len(comps)),
		slog.Int("workers", m.Pool.Size()))
	if ready != nil {
		ready <- ln.Addr().String()
	}

	var deadline time.Time // set when shutdown starts; read after grp.Wait
	grp, gctx := errgroup.WithContext(ctx)
	// Components stop only once the HTTP server has finished the requests
	// in flight: an adapter waits for the pool as it stops, and a request
	// still being acknowledged then would find the pool closed and get
	// "busy" for an event it has just accepted.
	compCtx, stopComps := context.WithCancel(context.WithoutCancel(ctx))
	defer stopComps()
	grp.Go(func() error {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("http server: %w", err)
		}
		return nil
	})
	grp.Go(func() error {
		<-gctx.Done()
		draining.Store(true)
		deadline = time.Now().Add(m.Config.Serve.ShutdownTimeout)
		m.Log.Info("shutting down", slog.Duration("bound", m.Config.Serve.ShutdownTimeout))
		sctx, cancel := context.WithDeadline(context.Background(), deadline)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			m.Log.Warn("requests still in flight at the shutdown bound; closing them", slog.Any("err", err))
			srv.Close()
		}
		stopComps()
		return nil
	})
	for _, c := range comps {
		grp.Go(func() error { return c.Run(compCtx) })
	}
	err = grp.Wait()

	wctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	if werr := m.Inbox.Close(wctx); werr != nil {
		m.Log.Warn("answers still running at the shutdown bound were abandoned; the next start answers them", slog.Int("running", m.Pool.Running()))
	}
	if err != nil && errors.Is(err, context.Canceled) && ctx.Err() != nil {
		err = nil // a component stopping because we asked it to
	}
	m.Log.Info("stopped")
	return err
}

// readiness reports why serve cannot do its work now, or nil: shutting
// down, a store that does not answer a query in readyTimeout, or a
// component not ready (an adapter not connected).
func (m *Main) readiness(ctx context.Context, draining *atomic.Bool, comps []component) error {
	if draining.Load() {
		return errors.New("shutting down")
	}
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	if err := m.Store.Ping(ctx); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for _, c := range comps {
		if err := c.Ready(); err != nil {
			return err
		}
	}
	return nil
}

// registerServeMetrics adds what only a server needs to m.Registry: the
// Go runtime and process collectors and the answer pool's gauges. A second
// Serve on the same Main (tests) finds them registered already.
func (m *Main) registerServeMetrics() error {
	for _, c := range []prometheus.Collector{
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := m.Registry.Register(c); err != nil && !isAlreadyRegistered(err) {
			return fmt.Errorf("register metrics: %w", err)
		}
	}
	if err := bot.RegisterPool(m.Registry, m.Pool); err != nil && !isAlreadyRegistered(err) {
		return err
	}
	return nil
}

func isAlreadyRegistered(err error) bool {
	var are prometheus.AlreadyRegisteredError
	return errors.As(err, &are)
}
