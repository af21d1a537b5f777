-- A table of the probe application whose rows carry their own expiry, declared to the retention purge
-- the way orders-service declares its idempotency records (ProbeHolds).
create table probe_hold (
    id         uuid        primary key,
    expires_at timestamptz not null
);

create index probe_hold_expires_at on probe_hold (expires_at);
