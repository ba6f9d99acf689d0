-- What the last fetch of each web address returned, and feed items seen.
CREATE TABLE fetches (
    url           TEXT COLLATE "C" PRIMARY KEY,
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    article_id    TEXT    NOT NULL DEFAULT '',
    checked_at    TEXT    NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    error         TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
    feed       TEXT COLLATE "C" NOT NULL,
    guid       TEXT COLLATE "C" NOT NULL,
    article_id TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed, guid)
);
