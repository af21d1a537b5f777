-- A charge whose answer left open whether money moved is recorded as unresolved and settled in the
-- background (ChargeResolution), while the rest of its partition flows on.
alter table charge_attempt rename column indeterminate_since to unresolved_since;
-- awaiting-answer: no answer yet (a timeout, a dropped connection, a 409 while the key's request runs):
--   the key answers the truth once its request is done;
-- key-cannot-tell: the key's stored answer says nothing (a 500 stored under it): only a consistent
--   look-up of the order's PaymentIntents tells whether it charged.
alter table charge_attempt add column unresolved text
    check (unresolved in ('awaiting-answer', 'key-cannot-tell'));
-- A charge left indeterminate before this was retried in place, not kept for the background: it is asked
-- again under its key, whose stored 500 makes it unable to tell once more, or whose window is over.
update charge_attempt set unresolved_since = null;
-- What the background resolution needs to record the payment as the consumer would have: the event
-- (its id for the inbox, its data), and the flow it belongs to (correlation id, W3C trace context).
alter table charge_attempt add column event_id uuid;
alter table charge_attempt add column placed_order jsonb;
alter table charge_attempt add column correlation_id text;
alter table charge_attempt add column traceparent text;
-- When to try again, how often it was tried, and until when one instance holds it.
alter table charge_attempt add column resolve_after timestamptz;
alter table charge_attempt add column resolve_tries integer not null default 0;
alter table charge_attempt add column leased_until timestamptz;
create index charge_attempt_unresolved on charge_attempt (resolve_after) where unresolved is not null;

-- An order an operator cancelled: never charged from then on, and refunded if it was.
create table cancelled_order (
    order_id     uuid         primary key,
    cancelled_at timestamptz  not null
);
alter table payment add column refund_reference varchar(255);
alter table payment add column refunded_at timestamptz;
