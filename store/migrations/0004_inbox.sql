-- The inbox: every platform event and interaction Parley acknowledges is
-- written here before the acknowledgement, with what answering it needs,
-- and stays until it is answered, has failed, or may have been posted. A
-- row that is received but unanswered after a crash is taken up again once
-- its lease runs out. Times are Unix milliseconds.
CREATE TABLE inbox (
    platform    TEXT    NOT NULL,
    id          TEXT    NOT NULL,             -- event:Ev…, command:…, interaction:…
    payload     TEXT    NOT NULL DEFAULT '',  -- the request and its route; cleared once answered
    state       TEXT    NOT NULL,             -- received | answered | failed | maybe_posted
    reason      TEXT    NOT NULL DEFAULT '',  -- why it failed, or how it was answered
    attempts    INTEGER NOT NULL DEFAULT 0,   -- times a process took it up
    owner       TEXT    NOT NULL DEFAULT '',  -- the process working on it
    lease_until INTEGER NOT NULL DEFAULT 0,   -- until then no other process takes it up
    received_at INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (platform, id)
);
CREATE INDEX inbox_pending ON inbox (state, lease_until);
CREATE INDEX inbox_updated ON inbox (updated_at);

-- Ids handled before the inbox existed stay deduplicated.
INSERT INTO inbox (platform, id, state, reason, received_at, updated_at)
SELECT platform, event_id, 'answered', 'handled before the inbox', ms, ms
FROM (SELECT platform, event_id,
             coalesce(CAST(round((julianday(seen_at) - 2440587.5) * 86400000) AS INTEGER), 0) AS ms
      FROM events);
DROP TABLE events;
