-- Where the WAL stood at each outbox purge (comanda platform). A row of the outbox is deleted only once
-- the relay's replication slot has confirmed a position past a mark taken after the row was written, so
-- a relay stopped or failed for longer than the outbox's retention loses no event. The purge keeps the
-- newest confirmed mark and those after it, and deletes the rest.
create table outbox_purge_mark (
    marked_at timestamptz primary key,
    wal_lsn   pg_lsn      not null
);
