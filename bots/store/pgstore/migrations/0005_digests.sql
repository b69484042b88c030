-- Daily digests, as the bbolt store's bucket collected and its digest
-- deliveries keep them.

-- An announcement to a chat that chose a digest waits in the outbox,
-- collected, until the digest is made; a digest is a delivery of kind
-- 'digest' listing releases, in the language it was chosen in, due at
-- corrected_at. A correction of a release a digest listed answers the
-- digest (digest), as the message it was sent as (sent.digest).
ALTER TABLE outbox ADD COLUMN collected boolean NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN releases text[];
ALTER TABLE outbox ADD COLUMN digest boolean NOT NULL DEFAULT false;
ALTER TABLE outbox ADD COLUMN lang text NOT NULL DEFAULT '';
CREATE INDEX outbox_releases ON outbox USING gin (releases);
ALTER TABLE sent ADD COLUMN digest boolean NOT NULL DEFAULT false;
