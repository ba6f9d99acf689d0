-- What each conversation remembers of its last question, so that the next
-- one can lean on it ("When was that?"). The key is a salted hash of the
-- platform, channel, thread and, where a conversation is one person's, the
-- user: no raw platform id is stored. Rows older than the conversation
-- window are not read, and are pruned. Times are Unix milliseconds.
CREATE TABLE conversations (
    key        TEXT    PRIMARY KEY,
    turn       TEXT    NOT NULL,   -- the turn as the bot encodes it (JSON)
    updated_at INTEGER NOT NULL
);
CREATE INDEX conversations_updated ON conversations (updated_at);

-- The questions people asked Parley in Slack, Discord and on the web page,
-- and what it answered, for the curator's report (what went unanswered,
-- what was marked wrong) and for the feedback and "More sources" buttons
-- under an answer, which carry the row's id. Kept report.retention days.
CREATE TABLE asked (
    id       TEXT    PRIMARY KEY,           -- random; the buttons carry it
    asked_at INTEGER NOT NULL,
    platform TEXT    NOT NULL,
    question TEXT    NOT NULL,              -- as asked
    read     TEXT    NOT NULL DEFAULT '',   -- as read, when a follow-up carried words into it
    answered INTEGER NOT NULL,              -- 0: refused
    answer   TEXT    NOT NULL DEFAULT '',
    quotes   TEXT    NOT NULL DEFAULT '[]', -- the quotes shown, with their citations (JSON)
    further  TEXT    NOT NULL DEFAULT '[]'  -- the next quotes, for "More sources" (JSON)
);
CREATE INDEX asked_at ON asked (asked_at);

-- One verdict per person per answer: helpful or wrong. The person is a
-- salted hash of platform and user id, never the id itself; a second click
-- changes the verdict rather than adding one.
CREATE TABLE verdicts (
    answer_id TEXT    NOT NULL REFERENCES asked (id) ON DELETE CASCADE,
    user_hash TEXT    NOT NULL,
    verdict   TEXT    NOT NULL,             -- helpful | wrong
    platform  TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    PRIMARY KEY (answer_id, user_hash)
);
CREATE INDEX verdicts_at ON verdicts (at);

-- Values Parley makes once and keeps: the salt of user hashes when the
-- config gives none.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
