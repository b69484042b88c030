-- The press office's curated answers, as curated.yaml in the data
-- directory of a single process keeps them: in the database, every
-- replica answers from the same ones.
CREATE TABLE curated (
	id text PRIMARY KEY,
	question text NOT NULL,
	answer text NOT NULL,
	lang text NOT NULL,
	organisation text NOT NULL,
	-- corpus.Date's ISO form, which may be a year or a month only.
	date text NOT NULL
);
