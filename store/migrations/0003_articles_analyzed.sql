-- Which version of the analyzer (the engine's fact extractors and the domain
-- pack they used) made an article's facts; '' for none yet. An article whose
-- facts are missing or were made by another version is re-analysed at the
-- next start or ingest.
ALTER TABLE articles ADD COLUMN analyzed TEXT NOT NULL DEFAULT '';
