-- The id (ce_id) of the outcome event announcing each payment, so that whoever reads the payment's
-- state (orders-service's reconciliation) settles the order under the event's own id, and the event
-- arriving later is a duplicate to the inbox. Payments recorded before this have none.
alter table payment add column outcome_event_id uuid;
