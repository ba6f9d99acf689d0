-- The inbox: every platform event and interaction Parley acknowledges is
-- written here before the acknowledgement (see migrations/0004_inbox.sql).
-- Times are Unix milliseconds. The primary key is what makes a retry that
-- lands on another replica a duplicate.
CREATE TABLE inbox (
    platform    TEXT COLLATE "C" NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    payload     TEXT    NOT NULL DEFAULT '',
    state       TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    attempts    INTEGER NOT NULL DEFAULT 0,
    owner       TEXT    NOT NULL DEFAULT '',
    lease_until BIGINT  NOT NULL DEFAULT 0,
    received_at BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (platform, id)
);
CREATE INDEX inbox_pending ON inbox (state, lease_until);
CREATE INDEX inbox_updated ON inbox (updated_at);
CREATE INDEX inbox_owner ON inbox (owner);

-- Ids handled before the inbox existed stay deduplicated.
INSERT INTO inbox (platform, id, state, reason, received_at, updated_at)
SELECT platform, event_id, 'answered', 'handled before the inbox', 0, 0 FROM events;
DROP TABLE events;
