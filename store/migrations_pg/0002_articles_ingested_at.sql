-- An index on ingested_at, as on SQLite.
CREATE INDEX articles_ingested_at ON articles (ingested_at);
