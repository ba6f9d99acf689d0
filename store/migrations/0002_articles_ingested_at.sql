-- An index on ingested_at so that the store's change stamp (count, max rowid,
-- max ingested_at), read before every answer, never scans the article bodies.
CREATE INDEX articles_ingested_at ON articles (ingested_at);
