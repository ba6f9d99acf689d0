package main

import (
	"context"
	"os"

	"github.com/parley-bot/parley/bot/console"
)

func runChat(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("chat")
	domainFlag(fs, g)
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("chat takes no arguments; to ask one question use parley ask")
	}
	return withMain(ctx, g, env, func(m *Main) error {
		c, err := console.New(console.Config{In: env.Stdin, Out: env.Stdout, Prompt: interactive(env)}, m.deps())
		if err != nil {
			return err
		}
		return c.Run(ctx)
	})
}

// interactive reports whether stdin is a terminal, so the console prints
// a prompt only for a person.
func interactive(env Env) bool {
	if env.Interactive != nil {
		return *env.Interactive
	}
	f, ok := env.Stdin.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
