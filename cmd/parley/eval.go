package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parley-bot/parley/answers"
	"github.com/parley-bot/parley/store"
)

// runEval runs a question set (the built-in one by default) through the
// engine and prints its scores. A SQuAD 2.0 file brings its own articles:
// they are ingested into a temporary store without the seeds. It fails
// (exit 1) when the scores fall short of the targets, so CI and scripts
// can gate on it.
func runEval(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("eval")
	domainFlag(fs, g)
	heldout := fs.Bool("heldout", false, "run the held-out question set (written before tuning) instead of the development set")
	followups := fs.Bool("followups", false, "run the built-in conversation set: follow-ups after the questions they lean on")
	corpus := fs.String("corpus", "", "a SQuAD 2.0 JSON file whose articles the question set is asked over, in a temporary store without seeds")
	verbose := fs.Bool("v", false, "list every question that missed")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError("eval takes at most one question file")
	}
	if *heldout && *followups {
		return usageError("--heldout and --followups name two sets; choose one")
	}
	qs, name := answers.BuiltinQuestions(), "built-in question set"
	switch {
	case *heldout:
		qs, name = answers.HeldoutQuestions(), "held-out question set"
	case *followups:
		qs, name = answers.FollowUpQuestions(), "built-in conversation set"
	}
	if fs.NArg() == 1 {
		name = fs.Arg(0)
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("open question set: %w", err)
		}
		if answers.LooksLikeSQuAD(data) {
			if *corpus != "" {
				return usageError("%s is a SQuAD file with its own questions; --corpus is for a JSON Lines set", name)
			}
			set, err := answers.ReadSQuAD(bytes.NewReader(data))
			if err != nil {
				return usageError("%s: %v", name, err)
			}
			return evalSQuAD(ctx, g, env, name, set, *verbose)
		}
		if qs, err = answers.ReadQuestions(bytes.NewReader(data)); err != nil {
			return usageError("%s is neither Parley's JSON Lines questions nor a SQuAD 2.0 file: %v", name, err)
		}
	}
	if len(qs) == 0 {
		return usageError("%s has no questions", name)
	}
	run := func(e *answers.Engine) error {
		rep, err := answers.Evaluate(ctx, e, qs)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d questions\n\n", name, len(qs))
		if err := rep.Write(env.Stdout); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		writeFailures(env.Stdout, *verbose, rep.Failures)
		if miss := rep.Misses(answers.DefaultTargets); len(miss) > 0 {
			return fmt.Errorf("below target: %s", strings.Join(miss, ", "))
		}
		return nil
	}
	if *corpus != "" {
		data, err := os.ReadFile(*corpus)
		if err != nil {
			return fmt.Errorf("open corpus: %w", err)
		}
		set, err := answers.ReadSQuAD(bytes.NewReader(data))
		if err != nil {
			return usageError("--corpus %s: %v", *corpus, err)
		}
		return withSQuADEngine(ctx, g, env, *corpus, set, run)
	}
	return withMain(ctx, g, env, func(m *Main) error { return run(m.Engine) })
}

func writeFailures(w io.Writer, verbose bool, failures []string) {
	if !verbose || len(failures) == 0 {
		return
	}
	fmt.Fprintln(w, "\nmisses:")
	for _, f := range failures {
		fmt.Fprintln(w, "  "+f)
	}
}

// evalSQuAD ingests the articles of a SQuAD file into a temporary store
// (never the seeds, never the user's store), asks every question and
// prints the scores beside a plain BM25 baseline.
func evalSQuAD(ctx context.Context, g *Globals, env Env, name string, set *answers.SQuAD, verbose bool) error {
	return withSQuADEngine(ctx, g, env, name, set, func(e *answers.Engine) error {
		rep, err := answers.EvaluateSQuAD(ctx, e, set)
		if err != nil {
			return err
		}
		n := rep.Total.Answerable + rep.Total.Unanswerable
		fmt.Fprintf(env.Stdout, "%s (SQuAD 2.0): %d articles, %d questions (%d answerable, %d unanswerable), in a store without seeds\n\n",
			name, len(rep.Articles), n, rep.Total.Answerable, rep.Total.Unanswerable)
		if err := rep.Write(env.Stdout); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		fmt.Fprintln(env.Stdout, "\nright sentence first: the top quote is a sentence of the question's own article that covers a gold answer span at its gold offset;\n(answer text first) counts a top quote holding a gold answer's text anywhere.")
		writeFailures(env.Stdout, verbose, rep.Failures)
		if miss := rep.Misses(); len(miss) > 0 {
			return fmt.Errorf("below target: %s", strings.Join(miss, ", "))
		}
		return nil
	})
}

// withSQuADEngine ingests the articles of a SQuAD file into a temporary
// store (never the seeds, never the user's store) and runs f with an
// engine over it: no domain pack unless --domain names one.
func withSQuADEngine(ctx context.Context, g *Globals, env Env, name string, set *answers.SQuAD, f func(*answers.Engine) error) error {
	logger, err := newLogger(g, env.Stderr)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "parley-squad-")
	if err != nil {
		return fmt.Errorf("temporary store: %w", err)
	}
	defer os.RemoveAll(dir)
	// No domain pack unless one is asked for: the SQuAD articles are not
	// the built-in ones.
	var pack *answers.Pack
	if g.Domain != "" {
		cfg := DefaultConfig()
		cfg.Answers.Domain = g.Domain
		if pack, err = loadDomain(cfg); err != nil {
			return err
		}
	}
	analyzer, err := answers.NewAnalyzer(pack)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, filepath.Join(dir, "squad.db"), store.WithAnalyzer(analyzer))
	if err != nil {
		return err
	}
	defer st.Close()
	for _, d := range set.Documents() {
		if _, err := st.Ingest(ctx, d, time.Now()); err != nil {
			if errors.Is(err, store.ErrMalformed) {
				return usageError("%s: article %s: %v", name, d.ID, err)
			}
			return err
		}
	}
	e, err := answers.NewEngine(ctx, st, answers.WithLogger(logger), answers.WithPack(pack))
	if err != nil {
		return err
	}
	return f(e)
}
