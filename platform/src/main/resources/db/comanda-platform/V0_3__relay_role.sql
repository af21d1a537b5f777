-- The outbox relay's role, where the server has one (compose, the local stack and the tests create
-- comanda_relay with LOGIN and REPLICATION only): it may read this table, which the publication
-- streams, and no other. Where no such role exists (a deployment naming its relay role otherwise
-- grants the same itself), this does nothing.
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'comanda_relay') then
        grant select on outbox to comanda_relay;
    end if;
end
$$;
