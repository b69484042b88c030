-- isabot's state, as the bbolt state file held it: one table a bucket.

-- Platform updates handled, so that none is answered twice.
CREATE TABLE updates (
	platform text NOT NULL,
	id text NOT NULL,
	handled_at timestamptz NOT NULL,
	PRIMARY KEY (platform, id)
);
CREATE INDEX updates_handled_at ON updates (handled_at);

-- The language chosen for a chat.
CREATE TABLE chat_langs (
	platform text NOT NULL,
	chat text NOT NULL,
	lang text NOT NULL,
	PRIMARY KEY (platform, chat)
);

-- Values remembered under a short key (a search in a Telegram button).
CREATE TABLE remembered (
	key text PRIMARY KEY,
	value text NOT NULL
);

-- Subscriptions: the document is package store's Subscription in JSON.
CREATE TABLE subscriptions (
	platform text NOT NULL,
	chat text NOT NULL,
	since timestamptz NOT NULL,
	doc jsonb NOT NULL,
	PRIMARY KEY (platform, chat)
);

-- Releases announced, and their fingerprints.
CREATE TABLE announced (
	id text PRIMARY KEY,
	announced_at timestamptz NOT NULL
);
CREATE TABLE fingerprints (
	print text PRIMARY KEY,
	release text NOT NULL
);

-- The outbox: deliveries to make, in seq order; held ones wait for a
-- paused subscription to resume.
CREATE TABLE outbox (
	seq bigserial PRIMARY KEY,
	release text NOT NULL,
	platform text NOT NULL,
	chat text NOT NULL,
	held boolean NOT NULL DEFAULT false
);
CREATE INDEX outbox_chat ON outbox (platform, chat);
CREATE INDEX outbox_release ON outbox (release);

-- The releases the outbox delivers, as package corpus's Release in JSON.
CREATE TABLE kept (
	id text PRIMARY KEY,
	doc jsonb NOT NULL
);

-- Deliveries given up, kept to be reported.
CREATE TABLE undelivered (
	seq bigint PRIMARY KEY,
	release text NOT NULL,
	platform text NOT NULL,
	chat text NOT NULL,
	title text NOT NULL DEFAULT '',
	state text NOT NULL,
	cause text NOT NULL,
	given_up_at timestamptz NOT NULL
);

CREATE TABLE meta (
	key text PRIMARY KEY,
	value text NOT NULL
);

-- What each feed last sent for conditional requests.
CREATE TABLE feeds (
	url text PRIMARY KEY,
	etag text NOT NULL,
	last_modified text NOT NULL
);

-- Hand-offs to the press office and the bot's messages about them, as
-- package bots/handoff encodes them.
CREATE TABLE handoffs (
	id text PRIMARY KEY,
	data bytea NOT NULL
);
CREATE TABLE handoff_threads (
	key text PRIMARY KEY,
	data bytea NOT NULL
);
