-- Articles as ingested: metadata only as the article states it, the cleaned
-- body, and a hash of the raw content so re-ingesting the same file adds nothing.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    outlet      TEXT NOT NULL DEFAULT '',
    byline      TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    hash        TEXT NOT NULL UNIQUE,
    body        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

-- One row per sentence, in article order; position counts sentences from 0
-- across the whole article, paragraph counts paragraphs from 0.
CREATE TABLE sentences (
    id         INTEGER PRIMARY KEY,
    article_id TEXT    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    paragraph  INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    heading    INTEGER NOT NULL DEFAULT 0,
    text       TEXT    NOT NULL,
    UNIQUE (article_id, position)
);

-- Full-text index over sentences with the Porter stemmer, kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Named things the articles talk about, and the other names they go by.
CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT ''
);
CREATE TABLE aliases (
    alias     TEXT    NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, entity_id)
);

-- Facts drawn from sentences by rules; each keeps the sentence it came from,
-- so an answer from a fact can always quote its source.
CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    subject     TEXT    NOT NULL DEFAULT '',
    predicate   TEXT    NOT NULL DEFAULT '',
    object      TEXT    NOT NULL DEFAULT '',
    value       TEXT    NOT NULL DEFAULT '',
    extractor   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX facts_kind_subject ON facts (kind, subject);
CREATE INDEX facts_sentence ON facts (sentence_id);

-- Posts claimed before they are sent and marked after, one per channel and day.
CREATE TABLE post_log (
    channel    TEXT NOT NULL,
    day        TEXT NOT NULL,
    state      TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    posted_at  TEXT NOT NULL DEFAULT '',
    message_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (channel, day)
);

-- Platform event ids already handled, so retries and redeliveries answer once.
CREATE TABLE events (
    platform TEXT NOT NULL,
    event_id TEXT NOT NULL,
    seen_at  TEXT NOT NULL,
    PRIMARY KEY (platform, event_id)
);
CREATE INDEX events_seen_at ON events (seen_at);
