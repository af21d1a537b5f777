-- A mail is claimed before it is sent: the claim is committed on its own, so a redelivery (a rebalance,
-- a retry, another instance) reads who is sending it instead of sending it again. state gains CLAIMED;
-- the claim's columns stay on the row once it is SENT, to say which instance sent it.
alter table notification add column claimed_by varchar(128);   -- instance name and a suffix per start
alter table notification add column claimed_at timestamptz;    -- past comanda.notifications.claim-lease, the claimant is taken for dead

-- The retention purge deletes the oldest rows first: notifications by the time each was last written,
-- order summaries by their placement.
create index notification_recorded_at on notification (recorded_at);
create index order_summary_placed_at on order_summary (placed_at);
