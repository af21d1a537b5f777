-- Reconciliation pages through every order PENDING past its age by (created_at, id), so that orders it
-- cannot settle never hide younger ones. This index serves those pages and the stale-orders count.
create index customer_order_pending_created_id on customer_order (created_at, id) where status = 'PENDING';
drop index customer_order_pending_created;

-- Orders reconciliation could not settle, each reported once (a log line and a counter) with its
-- reason, and again only if the reason changes; kept across restarts so a restart reports nothing
-- again. kind: 'unknown' (payments-service has no payment for it) or 'unsettleable' (its payment does
-- not settle it). A report of an order no longer PENDING is deleted at the next run.
create table unsettled_order_report (
    order_id    uuid         primary key references customer_order (id) on delete cascade,
    kind        varchar(16)  not null check (kind in ('unknown', 'unsettleable')),
    reason      varchar(600) not null,
    reported_at timestamptz  not null
);
