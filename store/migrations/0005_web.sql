-- What the last fetch of each web address returned: its validators for a
-- conditional GET (a 304 costs nothing), the article it gave, and how many
-- fetches in a row failed, so a feed that keeps failing is polled less.
CREATE TABLE fetches (
    url           TEXT PRIMARY KEY,
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    article_id    TEXT    NOT NULL DEFAULT '',
    checked_at    TEXT    NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    error         TEXT    NOT NULL DEFAULT ''
);

-- Feed items already seen: an item keeps its article id by its GUID, even
-- when its link changes.
CREATE TABLE feed_items (
    feed       TEXT NOT NULL,
    guid       TEXT NOT NULL,
    article_id TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed, guid)
);
