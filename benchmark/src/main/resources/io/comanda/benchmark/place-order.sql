-- The transaction orders-service runs for one new order, statement for statement (PlacementStatements):
-- BEGIN, one statement that takes the key's lock and reads its record and the products, one statement
-- that inserts order, lines, outbox row and idempotency record, COMMIT. Values are inlined; the order
-- id is derived from the key, which is random per transaction.
\set key random(1, 9000000000000000)
BEGIN;
with key_lock as materialized (select pg_try_advisory_xact_lock(:key) as locked)
select key_lock.locked, r.request_hash, r.response_status, r.response_body, r.response_location,
       p.sku, p.name, p.unit_amount, p.currency, p.active
from key_lock
left join idempotency_record r
       on key_lock.locked and r.customer_id = 'pgbench' and r.idempotency_key = 'k' || :key and r.expires_at > now()
left join product p on key_lock.locked and r.customer_id is null and p.sku = any('{ESPRESSO-250G,MOKA-POT-3}'::text[]);
with placed as (
    insert into customer_order (id, customer_id, status, total_amount, currency, payment_method, note,
                                created_at, updated_at, version)
    values (md5(:key::text)::uuid, 'pgbench', 'PENDING', 6048, 'EUR', 'pm_card_visa', 'benchmark', now(), now(), 1)
), lines as (
    insert into order_line (order_id, line_no, sku, name, quantity, unit_amount)
    select md5(:key::text)::uuid, line_no, sku, name, quantity, unit_amount
    from unnest('{1,2}'::int[], '{ESPRESSO-250G,MOKA-POT-3}'::text[],
                '{"Espresso beans, 250 g","Moka pot \"Classic\", 3 cups"}'::text[], '{2,1}'::int[], '{1299,3450}'::bigint[])
         as l(line_no, sku, name, quantity, unit_amount)
), announced as (
    insert into outbox (id, aggregatetype, aggregateid, type, payload, source, correlation_id,
                        traceparent, occurred_at)
    values (gen_random_uuid(), 'orders', md5(:key::text)::uuid::text, 'io.comanda.order.placed.v1',
            '{"orderId":"00000000-0000-0000-0000-000000000000","customerId":"pgbench","items":[{"sku":"ESPRESSO-250G","quantity":2,"unitPrice":{"amount":1299,"currency":"EUR"},"name":"Espresso beans, 250 g"},{"sku":"MOKA-POT-3","quantity":1,"unitPrice":{"amount":3450,"currency":"EUR"},"name":"Moka pot \"Classic\", 3 cups"}],"total":{"amount":6048,"currency":"EUR"},"paymentMethod":"pm_card_visa","occurredAt":"2026-11-27T10:15:30.123456Z","note":"benchmark","version":1}'::text::jsonb,
            '/comanda/orders-service', 'pgbench', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', now())
), remembered as (
    insert into idempotency_record (customer_id, idempotency_key, request_hash, response_status,
                                    response_body, response_location, created_at, expires_at)
    values ('pgbench', 'k' || :key, repeat('a', 64), 201, repeat('x', 600), '/orders/' || md5(:key::text)::uuid, now(),
            now() + interval '24 hours')
    on conflict (customer_id, idempotency_key) do update
       set request_hash = excluded.request_hash, response_status = excluded.response_status,
           response_body = excluded.response_body, response_location = excluded.response_location,
           created_at = excluded.created_at, expires_at = excluded.expires_at
     where idempotency_record.expires_at <= now()
    returning 1
)
select count(*) as remembered from remembered;
COMMIT;
