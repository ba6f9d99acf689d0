package main

import (
	"context"
	"errors"
)

func runSummary(ctx context.Context, g *Globals, args []string, env Env) error {
	fs := flags("summary", env)
	fs.Bool("json", false, "print the summary lines with their quotes and citations as JSON")
	fs.String("date", "", "compose the summary as of this day, YYYY-MM-DD (default today)")
	fs.Bool("post", false, "post the summary to slack.summary_channel and discord.summary_channel, once per channel per day")
	if err := parseFlags(fs, args, env); err != nil {
		return err
	}
	return errors.New("the daily summary is not in this build yet")
}
