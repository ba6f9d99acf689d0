-- Which articles changed, in order: every add, replacement or re-analysis of
-- an article gives it the next revision, so a reader that knows the highest
-- revision it has seen learns which articles changed since with one indexed
-- query. A replaced article keeps its row; a removed one would too.
CREATE TABLE article_changes (
    article_id TEXT    PRIMARY KEY,
    revision   INTEGER NOT NULL
);
CREATE INDEX article_changes_revision ON article_changes (revision);
INSERT INTO article_changes (article_id, revision) SELECT id, rowid FROM articles;

-- The answer engine's own index of each sentence, written by the analyzer
-- at ingest (rowid = sentences.id): the terms it matches on, and the words
-- as it reads them. Only the inverted index is kept (contentless), so the
-- document frequency of a term and the occurrences of a word are read from
-- the vocabulary tables without loading any sentence.
CREATE VIRTUAL TABLE sentence_terms USING fts5 (
    terms, content = '', contentless_delete = 1, detail = none, tokenize = "ascii tokenchars '_'"
);
CREATE VIRTUAL TABLE sentence_terms_vocab USING fts5vocab (sentence_terms, 'row');
CREATE VIRTUAL TABLE sentence_terms_postings USING fts5vocab (sentence_terms, 'instance');
CREATE VIRTUAL TABLE sentence_words USING fts5 (
    words, content = '', contentless_delete = 1, detail = full, tokenize = "ascii"
);
CREATE VIRTUAL TABLE sentence_words_vocab USING fts5vocab (sentence_words, 'row');

-- Every word ever indexed with its length in characters, for finding what a
-- misspelt word may stand for; whether it is still used is read from
-- sentence_words_vocab.
CREATE TABLE index_words (
    word   TEXT    PRIMARY KEY,
    length INTEGER NOT NULL
);
CREATE INDEX index_words_length ON index_words (length, word);

-- What each article adds to the corpus totals, and the totals: sentences
-- and their length as the engine counts it.
CREATE TABLE article_index (
    article_id TEXT    PRIMARY KEY,
    sentences  INTEGER NOT NULL,
    length     INTEGER NOT NULL
);
CREATE TABLE index_totals (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    articles  INTEGER NOT NULL,
    sentences INTEGER NOT NULL,
    length    INTEGER NOT NULL
);
INSERT INTO index_totals (id, articles, sentences, length) VALUES (1, 0, 0, 0);

-- Articles by analyzer version, so a reader checks cheaply that every
-- article was indexed by its own version. Articles stored before this
-- migration have no index yet: the next start analyses them again.
CREATE INDEX articles_analyzed ON articles (analyzed);

-- The articles' metadata in id order, so listing them reads no article
-- body (the columns after it are stored past it).
CREATE INDEX articles_listing ON articles (id, title, outlet, byline, published, url, hash, ingested_at, analyzed);
UPDATE articles SET analyzed = '';
