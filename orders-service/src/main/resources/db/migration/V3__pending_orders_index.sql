-- Reconciliation looks for the oldest PENDING orders on a schedule; the stale-orders gauge counts them.
-- Orders leave PENDING within seconds, so this index stays small whatever the number of orders.
create index customer_order_pending_created on customer_order (created_at) where status = 'PENDING';
