-- Which articles changed, in order (see migrations/0007_index.sql).
CREATE TABLE article_changes (
    article_id TEXT COLLATE "C" PRIMARY KEY,
    revision   BIGINT NOT NULL
);
CREATE INDEX article_changes_revision ON article_changes (revision);
INSERT INTO article_changes (article_id, revision)
SELECT id, row_number() OVER (ORDER BY ingested_at, id) FROM articles;

-- The answer engine's own index of each sentence, written by the analyzer
-- at ingest. SQLite keeps it in contentless FTS5 tables; here it is plain
-- tables of postings, read with the same results: a term's document
-- frequency is its rows in sentence_terms, a word's occurrences the sum of
-- its counts in sentence_words. Tokens are split as FTS5's ascii tokenizer
-- splits them (store/index_pg.go).
CREATE TABLE sentence_terms (
    term        TEXT COLLATE "C" NOT NULL,
    sentence_id BIGINT NOT NULL,
    PRIMARY KEY (term, sentence_id)
);
CREATE INDEX sentence_terms_sentence ON sentence_terms (sentence_id);
CREATE TABLE sentence_words (
    word        TEXT COLLATE "C" NOT NULL,
    sentence_id BIGINT  NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (word, sentence_id)
);
CREATE INDEX sentence_words_sentence ON sentence_words (sentence_id);

CREATE TABLE index_words (
    word   TEXT COLLATE "C" PRIMARY KEY,
    length INTEGER NOT NULL
);
CREATE INDEX index_words_length ON index_words (length, word);

CREATE TABLE article_index (
    article_id TEXT COLLATE "C" PRIMARY KEY,
    sentences  INTEGER NOT NULL,
    length     BIGINT  NOT NULL
);
CREATE TABLE index_totals (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    articles  BIGINT NOT NULL,
    sentences BIGINT NOT NULL,
    length    BIGINT NOT NULL
);
INSERT INTO index_totals (id, articles, sentences, length) VALUES (1, 0, 0, 0);

CREATE INDEX articles_analyzed ON articles (analyzed);
UPDATE articles SET analyzed = '';
