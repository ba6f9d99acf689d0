package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/parley-bot/parley/answers"
)

// runEval runs a question set (the built-in one by default) through the
// engine and prints its scores. It fails (exit 1) when the scores fall
// short of answers.DefaultTargets, so CI and scripts can gate on it.
func runEval(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("eval")
	heldout := fs.Bool("heldout", false, "run the held-out question set (written before tuning) instead of the development set")
	verbose := fs.Bool("v", false, "list every question that missed")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError("eval takes at most one question file")
	}
	qs, name := answers.BuiltinQuestions(), "built-in question set"
	if *heldout {
		qs, name = answers.HeldoutQuestions(), "held-out question set"
	}
	if fs.NArg() == 1 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return fmt.Errorf("open question set: %w", err)
		}
		defer f.Close()
		if qs, err = answers.ReadQuestions(f); err != nil {
			return err
		}
		name = fs.Arg(0)
	}
	if len(qs) == 0 {
		return usageError("%s has no questions", name)
	}
	return withMain(ctx, g, env, func(m *Main) error {
		rep, err := answers.Evaluate(ctx, m.Engine, qs)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s: %d questions\n\n", name, len(qs))
		if err := rep.Write(env.Stdout); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		if *verbose && len(rep.Failures) > 0 {
			fmt.Fprintln(env.Stdout, "\nmisses:")
			for _, f := range rep.Failures {
				fmt.Fprintln(env.Stdout, "  "+f)
			}
		}
		if miss := rep.Misses(answers.DefaultTargets); len(miss) > 0 {
			return fmt.Errorf("below target: %s", strings.Join(miss, ", "))
		}
		return nil
	})
}
