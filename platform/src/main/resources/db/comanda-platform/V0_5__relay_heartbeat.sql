-- The relay's heartbeat (debezium/*.json, heartbeat.action.query): every 10 s the relay writes a row here.
-- A replication slot only moves on when the relay confirms a change of its own database; while the outbox
-- is quiet and other databases of the same server write, the slot would hold all of their WAL. This table
-- is in the relay's publication, so each beat is a change the relay reads and confirms; the relay's
-- table.include.list leaves it out of Kafka. Each beat deletes the one before: one row at most.
create table relay_heartbeat (
    beat_at timestamptz primary key default clock_timestamp()
);

alter publication comanda_outbox add table relay_heartbeat;

-- The relay's role writes the beats (see V0_3). A deployment naming its relay role otherwise grants the
-- same itself, or the relay's task fails at its first heartbeat.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'comanda_relay') then
        grant insert, delete on relay_heartbeat to comanda_relay;
    end if;
end
$$;
