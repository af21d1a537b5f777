-- The inbox (comanda platform): the events each consumer has processed, recorded in the same
-- transaction as the consumer's effect, so a redelivered event changes nothing.
create table inbox (
    consumer     varchar(64) not null,   -- the consumer group or handler name
    event_id     uuid        not null,   -- ce_id of the processed event
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_processed_at on inbox (processed_at);
