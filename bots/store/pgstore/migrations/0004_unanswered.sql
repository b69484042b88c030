-- The questions isabot could not answer, as the unanswered.jsonl file of
-- a single process keeps them: one row per distinct question (key: the
-- language and the words, without case, spacing and the punctuation
-- around them), how often it was asked, on which platforms, when first
-- and last; nothing about who asked.
CREATE TABLE unanswered (
	key text PRIMARY KEY,
	question text NOT NULL,
	lang text NOT NULL,
	count integer NOT NULL,
	platforms text[] NOT NULL,
	first_asked timestamptz NOT NULL,
	last_asked timestamptz NOT NULL
);
CREATE INDEX unanswered_last_asked ON unanswered (last_asked);
