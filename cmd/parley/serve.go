package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
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
}

func runServe(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("serve", env)
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve takes no arguments")
	}
	return withMain(ctx, g, env, func(m *Main) error {
		return m.Serve(ctx, nil)
	})
}

// Serve runs every enabled component and the HTTP server until ctx is
// done. When ready is non-nil it receives the listener's address once the
// server accepts connections, so tests can use ":0".
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
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	for _, c := range comps {
		c.Routes(mux)
	}
	ln, err := net.Listen("tcp", m.Config.HTTP.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s (http.listen): %w", m.Config.HTTP.Listen, err)
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	m.Log.Info("serving", slog.String("addr", ln.Addr().String()), slog.Int("components", len(comps)))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	grp, gctx := errgroup.WithContext(ctx)
	grp.Go(func() error {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("http server: %w", err)
		}
		return nil
	})
	grp.Go(func() error {
		<-gctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	})
	for _, c := range comps {
		grp.Go(func() error { return c.Run(gctx) })
	}
	err = grp.Wait()
	m.Log.Info("stopped")
	return err
}
