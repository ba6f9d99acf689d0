package bot

import (
	"context"
	"log/slog"
	"time"
)

// confirmTries is how many times the check before posting is tried when
// the database does not answer, confirmBackoff the first wait between
// tries, doubled each time (0.25 + 0.5 + 1 s).
const (
	confirmTries   = 4
	confirmBackoff = 250 * time.Millisecond
)

// confirm is the check right before posting: it reports whether this
// worker still holds ev — the same process, the same take (ev.Attempts),
// the event still unanswered — and extends its lease by a whole lease
// from now, in one conditional write (Store.ConfirmEvent). A lease that
// ran out during a database outage may have been taken over, here or on
// another replica, and the taker answers; posting too would answer twice.
// So when the check is refused, or the database cannot be reached, the
// worker does not post: the event stays received, for whoever holds it,
// or for a sweep (here or elsewhere) once its lease has run out. The
// event is no longer held here, so its lease is not renewed.
func (in *Inbox) confirm(ev Event) bool {
	log := in.logger.With(slog.String("platform", ev.Platform), slog.String("event_id", ev.ID), slog.Int("attempt", ev.Attempts))
	wait := confirmBackoff
	for try := 1; try <= confirmTries; try++ {
		ctx, cancel := context.WithTimeout(context.Background(), recordTimeout)
		ok, err := in.log.ConfirmEvent(ctx, ev.Platform, ev.ID, in.leaseFrom(in.now()), ev.Attempts)
		cancel()
		if err == nil {
			if !ok {
				in.held.remove(ev.Platform, ev.ID, ev.Attempts)
				in.metrics.Inbox.WithLabelValues(ev.Platform, "superseded").Inc()
				log.Warn("lease lost before posting (taken over, answered or given back); not posting")
			}
			return ok
		}
		log.Warn("could not confirm the lease before posting; trying again", slog.Int("try", try), slog.Any("err", err))
		if try < confirmTries {
			time.Sleep(wait)
			wait *= 2
		}
	}
	in.held.remove(ev.Platform, ev.ID, ev.Attempts)
	in.metrics.Inbox.WithLabelValues(ev.Platform, "unconfirmed").Inc()
	log.Error("lease not confirmed before posting: not posted; the event is taken up again when its lease runs out")
	return false
}
