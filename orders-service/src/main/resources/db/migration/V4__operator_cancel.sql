-- Who cancelled an order, when an operator did; the customer's reason says only that an operator did.
alter table customer_order add column cancelled_by varchar(255);
-- An operator's reason (up to 500 characters) with "Cancelled by an operator: " before it. Widening a
-- varchar changes only the catalogue: the table is not rewritten.
alter table customer_order alter column decline_reason type varchar(600);
