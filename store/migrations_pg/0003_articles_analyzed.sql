-- Which version of the analyzer made an article's facts; '' for none yet.
ALTER TABLE articles ADD COLUMN analyzed TEXT COLLATE "C" NOT NULL DEFAULT '';
