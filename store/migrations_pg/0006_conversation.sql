-- Conversations, questions asked, verdicts and settings (see
-- migrations/0006_conversation.sql). Times are Unix milliseconds.
CREATE TABLE conversations (
    key        TEXT COLLATE "C" PRIMARY KEY,
    turn       TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX conversations_updated ON conversations (updated_at);

CREATE TABLE asked (
    id       TEXT COLLATE "C" PRIMARY KEY,
    asked_at BIGINT  NOT NULL,
    platform TEXT    NOT NULL,
    question TEXT    NOT NULL,
    read     TEXT    NOT NULL DEFAULT '',
    answered BOOLEAN NOT NULL,
    answer   TEXT    NOT NULL DEFAULT '',
    quotes   TEXT    NOT NULL DEFAULT '[]',
    further  TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX asked_at ON asked (asked_at);

CREATE TABLE verdicts (
    answer_id TEXT COLLATE "C" NOT NULL REFERENCES asked (id) ON DELETE CASCADE,
    user_hash TEXT COLLATE "C" NOT NULL,
    verdict   TEXT   NOT NULL,
    platform  TEXT   NOT NULL,
    at        BIGINT NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX verdicts_at ON verdicts (at);

CREATE TABLE settings (
    name  TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
);
