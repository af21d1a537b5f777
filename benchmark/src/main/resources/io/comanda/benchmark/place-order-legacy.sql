-- The transaction orders-service ran for one new order before it wrote with plain SQL (Hibernate
-- Reactive: nine statements between BEGIN and COMMIT), statement for statement: the legacy ceiling.
\set key random(1, 9000000000000000)
BEGIN;
SELECT pg_try_advisory_xact_lock(:key);
SELECT request_hash, response_status, response_body, response_location FROM idempotency_record
 WHERE customer_id = 'pgbench' AND idempotency_key = 'k' || :key AND expires_at > now();
SELECT sku, active, currency, name, unit_amount FROM product WHERE sku IN ('ESPRESSO-250G', 'MOKA-POT-3');
INSERT INTO customer_order (id, customer_id, status, total_amount, currency, payment_method, note, decline_reason,
                            created_at, updated_at, version)
VALUES (gen_random_uuid(), 'pgbench', 'PENDING', 6048, 'EUR', 'pm_card_visa', 'benchmark', NULL, now(), now(), 0)
RETURNING id AS order_id \gset
INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_amount)
VALUES (:order_id::uuid, 1, 'ESPRESSO-250G', 'Espresso beans, 250 g', 2, 1299);
INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_amount)
VALUES (:order_id::uuid, 2, 'MOKA-POT-3', 'Moka pot "Classic", 3 cups', 1, 3450);
INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id, traceparent, occurred_at)
VALUES (gen_random_uuid(), 'orders', :order_id, 'io.comanda.order.placed.v1',
        CAST('{"orderId":"00000000-0000-0000-0000-000000000000","customerId":"pgbench","items":[{"sku":"ESPRESSO-250G","quantity":2,"unitPrice":{"amount":1299,"currency":"EUR"}},{"sku":"MOKA-POT-3","quantity":1,"unitPrice":{"amount":3450,"currency":"EUR"}}],"total":{"amount":6048,"currency":"EUR"},"paymentMethod":"pm_card_visa","occurredAt":"2026-11-27T10:15:30.123Z"}' AS jsonb),
        '/comanda/orders-service', 'pgbench', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', now());
INSERT INTO idempotency_record (customer_id, idempotency_key, request_hash, response_status, response_body,
                                response_location, created_at, expires_at)
VALUES ('pgbench', 'k' || :key, repeat('a', 64), 201, repeat('x', 600), '/orders/' || :order_id, now(),
        now() + interval '24 hours')
ON CONFLICT (customer_id, idempotency_key) DO NOTHING;
COMMIT;
