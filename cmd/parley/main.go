// Command parley runs Parley, a chat bot that answers questions about news
// articles with verbatim, cited quotes: a console chat, one-off questions,
// the daily summary, ingest, and the Slack and Discord bot.
//
// Usage:
//
//	parley [--db PATH] [--config FILE] COMMAND [ARGS...]
//
// Run "parley help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // summary.timezone works on machines without zoneinfo
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	stop()
	os.Exit(code)
}

// Env is the outside world a run of the command sees, injected so that
// tests drive the whole CLI in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Interactive says stdin is a terminal; nil means detect it.
	Interactive *bool
}

// errUsage marks an error in how the command was called: exit status 2.
var errUsage = errors.New("usage")

// usageError is a usage mistake with the message to show.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// command is one subcommand of parley.
type command struct {
	name    string
	args    string
	summary string
	run     func(ctx context.Context, g *Globals, args []string, env Env) error
}

func commands() []command {
	return []command{
		{"chat", "[--domain FILE]", "console chat over the store: ask questions, type help, sources or quit", runChat},
		{"ask", "[--json] [--explain] [--after QUESTION] [--conversation] [--domain FILE] [QUESTION...]", "answer one question, or one per line of stdin", runAsk},
		{"summary", "[--json] [--date YYYY-MM-DD] [--post] [--release]", "compose the daily summary; --post posts it to the configured channels", runSummary},
		{"sources", "[--json]", "list the articles in the store", runSources},
		{"ingest", "[--feed] [--allow-private] PATH|URL...", "add article files or folders, saved .html pages, web pages by URL, or with --feed RSS/Atom/JSON feeds (idempotent)", runIngest},
		{"serve", "[--domain FILE]", "run the bot: Slack, Discord, HTTP endpoints and the daily summary", runServe},
		{"report", "[--since 7d] [--json] [--domain FILE]", "what people asked that went unanswered or was marked wrong, and what they asked about most", runReport},
		{"store", "copy [--from PATH] [--to URL]", "copy a SQLite store (articles, facts, index, post log, handled events) into PostgreSQL, idempotently", runStore},
		{"eval", "[--heldout|--followups] [--corpus SQUAD.json] [-v] [--domain FILE] [FILE]", "run a question set (Parley JSON Lines, follow-ups included, or SQuAD 2.0 JSON) and print its scores", runEval},
	}
}

// Globals are the flags that come before the command.
type Globals struct {
	DB         string
	ConfigFile string
	LogFormat  string
	LogLevel   string
	// NoSeeds keeps a new store empty of the built-in articles.
	NoSeeds bool
	// Domain is the domain pack a command's --domain flag names.
	Domain string
	// Resident is set by serve: the engine keeps a store of up to
	// residentSentences in memory, brought up to date in the background.
	Resident bool
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: parley [--db PATH|URL] [--no-seeds] [--config FILE] [--log-format text|json] [--log-level LEVEL] COMMAND [ARGS...]")
	fmt.Fprintln(w, "\nParley answers questions about news articles, quoting and citing them.\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	fmt.Fprintln(w, "  --db PATH|URL      the store: a SQLite file (default parley.db, or store.path from the config), or a postgres:// URL")
	fmt.Fprintln(w, "                     (store.url) for replicas sharing one database; filled from the built-in articles when new")
	fmt.Fprintln(w, "  --no-seeds         never fill a new store with the built-in articles (store.seeds: false)")
	fmt.Fprintln(w, "  --config FILE      YAML config (see config.example.yaml); ${VAR} expands from the environment")
	fmt.Fprintln(w, "  --log-format FMT   text (default) or json")
	fmt.Fprintln(w, "  --log-level LEVEL  debug, info (default), warn or error")
	fmt.Fprintln(w, "\nRun \"parley COMMAND --help\" for a command's flags.")
}

// run is the whole CLI; it returns the exit status: 0 success, 1 runtime
// error, 2 usage error, with a one-line message on stderr.
func run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	g := &Globals{}
	fs := flag.NewFlagSet("parley", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&g.DB, "db", "", "")
	fs.StringVar(&g.ConfigFile, "config", "", "")
	fs.StringVar(&g.LogFormat, "log-format", "text", "")
	fs.StringVar(&g.LogLevel, "log-level", "info", "")
	fs.BoolVar(&g.NoSeeds, "no-seeds", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(env.Stdout)
			return 0
		}
		fmt.Fprintf(env.Stderr, "parley: %v (see parley --help)\n", err)
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		usage(env.Stderr)
		return 2
	}
	name, cargs := rest[0], rest[1:]
	if name == "help" {
		usage(env.Stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(ctx, g, cargs, env)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(env.Stderr, "parley %s: %s (see parley %s --help)\n", name, strings.TrimPrefix(err.Error(), "usage: "), name)
			return 2
		default:
			fmt.Fprintf(env.Stderr, "parley %s: %s\n", name, oneLine(err.Error()))
			return 1
		}
	}
	fmt.Fprintf(env.Stderr, "parley: unknown command %q (commands: %s)\n", name, commandNames())
	return 2
}

func commandNames() string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return strings.Join(names, ", ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// flags returns a FlagSet for a subcommand whose --help prints its usage to
// stdout, and whose errors become usage errors.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("parley "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// domainFlag adds --domain to a command that answers questions.
func domainFlag(fs *flag.FlagSet, g *Globals) {
	fs.StringVar(&g.Domain, "domain", "", "domain pack: a YAML file, \"builtin\" or \"none\" (default: answers.domain, else builtin when the store holds the built-in articles)")
}

// parseFlags parses a subcommand's flags, printing its help on --help.
func parseFlags(fs *flag.FlagSet, args []string, env Env) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(fs, env.Stdout)
			return err
		}
		return usageError("%v", err)
	}
	return nil
}

func printHelp(fs *flag.FlagSet, w io.Writer) {
	name := strings.TrimPrefix(fs.Name(), "parley ")
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprintf(w, "Usage: parley %s %s\n\n%s\n", c.name, c.args, upperFirst(c.summary)+".")
		}
	}
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if has {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// newLogger builds the process logger from the global flags.
func newLogger(g *Globals, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(g.LogLevel)); err != nil {
		return nil, usageError("--log-level %q is not debug, info, warn or error", g.LogLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch g.LogFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usageError("--log-format %q is not text or json", g.LogFormat)
}
