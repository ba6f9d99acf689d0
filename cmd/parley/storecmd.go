package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/parley-bot/parley/store"
)

// runStore is "parley store copy": moving a SQLite store to PostgreSQL.
func runStore(ctx context.Context, g *Globals, args []string, env Env) error {
	if len(args) == 0 || args[0] != "copy" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			printHelp(flags("store"), env.Stdout)
			return flag.ErrHelp
		}
		if len(args) > 0 {
			return usageError("unknown store subcommand %q (store has one: copy --from PATH --to URL)", args[0])
		}
		return usageError("store takes a subcommand: copy --from PATH --to URL")
	}
	fset := flags("store")
	from := fset.String("from", "", "the SQLite store to copy (default: --db or store.path)")
	to := fset.String("to", "", "the PostgreSQL store to copy into, postgres://… (default: store.url)")
	if err := parseFlags(fset, args[1:], env); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return usageError("store copy takes no arguments")
	}
	cfg := DefaultConfig()
	if g.ConfigFile != "" {
		var err error
		if cfg, err = LoadConfig(g.ConfigFile, env.Getenv); err != nil {
			return err
		}
	}
	if *from == "" {
		*from = cfg.Store.Path
		if g.DB != "" && !store.IsURL(g.DB) {
			*from = g.DB
		}
	}
	if *to == "" {
		*to = cfg.Store.URL
	}
	switch {
	case store.IsURL(*from):
		return usageError("--from %s: copies from a SQLite file", store.Redact(*from))
	case !store.IsURL(*to):
		return usageError("--to %q: copies into a postgres:// URL (or set store.url)", store.Redact(*to))
	}
	// Opening a missing file would make an empty store: say so instead.
	if _, err := os.Stat(*from); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("--from %s: no such store", *from)
	}
	src, err := store.Open(ctx, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, *to, cfg.Store.Options()...)
	if err != nil {
		return err
	}
	defer dst.Close()
	fmt.Fprintf(env.Stdout, "copying %s into %s\n", src.Path(), dst.Path())
	err = src.CopyTo(ctx, dst, func(p store.CopyProgress) {
		line := fmt.Sprintf("%s: %d/%d, %d copied, %d there already", p.Table, p.Done, p.Total, p.Copied, p.Done-p.Copied-p.Differs)
		if p.Differs > 0 {
			line += fmt.Sprintf(", %d held with other content there (kept as they are)", p.Differs)
		}
		fmt.Fprintln(env.Stdout, line)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "copy done; running it again copies nothing twice")
	return nil
}
