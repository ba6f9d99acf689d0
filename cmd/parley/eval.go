package main

import (
	"context"
	"errors"
)

func runEval(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("eval", env)
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	return errors.New("eval is not in this build yet")
}
