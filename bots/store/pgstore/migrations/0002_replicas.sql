-- Several replicas share one database.

-- A delivery being sent is claimed by one replica for a while (a lease),
-- so that no other sends it meanwhile; a replica that dies lets its
-- claims lapse.
ALTER TABLE outbox ADD COLUMN claimed_by text;
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;

-- The releases that arrived while serving (the releases folder of a
-- replica, a feed), so that every replica indexes them, at start and
-- when told (NOTIFY isabot_releases).
CREATE TABLE releases (
	id text PRIMARY KEY,
	doc jsonb NOT NULL,
	arrived_at timestamptz NOT NULL
);
