-- The outbox relay's role, where the deployment has one (compose creates comanda_relay with LOGIN and
-- REPLICATION only): it may read this table, which the publication streams, and no other. Elsewhere
-- (the local stack, tests) the relay connects as the database owner and this does nothing.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'comanda_relay') then
        grant select on outbox to comanda_relay;
    end if;
end
$$;
