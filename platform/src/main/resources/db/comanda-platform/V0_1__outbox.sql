-- The transactional outbox (comanda platform). Rows are written in the same transaction as the
-- business change and relayed to Kafka by Debezium's Outbox Event Router, which turns the columns
-- into the record key, value and CloudEvents headers (see debezium/*.json).
create table outbox (
    id             uuid         primary key,   -- ce_id: the event id every consumer deduplicates by
    aggregatetype  varchar(64)  not null,      -- routes to the topic comanda.<aggregatetype>
    aggregateid    varchar(128) not null,      -- the record key and ce_subject
    type           varchar(128) not null,      -- ce_type, e.g. io.comanda.order.placed.v1
    payload        jsonb        not null,      -- the record value: the event's JSON data
    source         varchar(128) not null,      -- ce_source, the producing service
    correlation_id varchar(128),               -- ce_correlationid
    traceparent    varchar(55),                -- W3C trace context of the span that wrote the row
    occurred_at    timestamptz  not null,      -- ce_time
    -- ce_specversion. A column rather than a literal header in the connector: Kafka Connect would
    -- parse the literal 1.0 as a number and publish "1".
    specversion    varchar(8)   not null default '1.0'
);

create index outbox_occurred_at on outbox (occurred_at);

-- The relay reads inserts of this table only. The schema owns the publication so that the connector
-- (publication.autocreate.mode=disabled) needs no right to create one.
create publication comanda_outbox for table outbox with (publish = 'insert');
