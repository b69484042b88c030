-- Corrections of announcements and the reports of fan-outs, as the
-- bbolt store's buckets sent, messages, versions and fanouts hold them.

-- A delivery is an announcement (kind '') or a correction (kind
-- 'correction') of the message an announcement became, with the
-- correction's note and when the release was corrected.
ALTER TABLE outbox ADD COLUMN kind text NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN message text NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN note text NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN corrected_at timestamptz;
ALTER TABLE undelivered ADD COLUMN kind text NOT NULL DEFAULT '';
ALTER TABLE undelivered ADD COLUMN message text NOT NULL DEFAULT '';
ALTER TABLE undelivered ADD COLUMN note text NOT NULL DEFAULT '';

-- The message each announcement became (a Telegram message id, a Slack
-- ts), for corrections to edit.
CREATE TABLE sent (
	release text NOT NULL,
	platform text NOT NULL,
	chat text NOT NULL,
	seq bigint NOT NULL,
	message text NOT NULL,
	sent_at timestamptz NOT NULL,
	PRIMARY KEY (release, platform, chat)
);
CREATE INDEX sent_sent_at ON sent (sent_at);

-- The release each message of the bot announced or corrected, for the
-- replies to it.
CREATE TABLE messages (
	platform text NOT NULL,
	chat text NOT NULL,
	message text NOT NULL,
	release text NOT NULL,
	PRIMARY KEY (platform, chat, message)
);
CREATE INDEX messages_release ON messages (release);

-- The version of each release the subscribers are to have.
CREATE TABLE versions (
	id text PRIMARY KEY,
	version text NOT NULL
);

-- The releases announced to someone, to report each once its fan-out is
-- settled.
CREATE TABLE fanouts (
	id text PRIMARY KEY,
	title text NOT NULL,
	announced_at timestamptz NOT NULL,
	reported boolean NOT NULL DEFAULT false
);
CREATE INDEX fanouts_announced_at ON fanouts (announced_at);
