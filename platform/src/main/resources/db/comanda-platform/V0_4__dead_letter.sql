-- The index of the service's dead letters (comanda platform): one row per dead letter, written by
-- DeadLetterIndexer from the consumers' dead-letter topics, whoever parked the record there (the
-- platform at once, or SmallRye after the last delayed retry). The row holds the record itself, so
-- listing, showing and replaying read no topic, and a dead letter outlives its topic's retention or
-- recreation. Waiting rows never expire; resolved ones are purged after comanda.dead-letters.keep-resolved.
create table dead_letter (
    id               bigint       generated always as identity primary key,   -- the API's id, after the topic
    consumer_group   varchar(128) not null,
    -- The dead letter's identity: the event's ce_id; for a record that is no event (no valid ce_id),
    -- 'origin:' and the topic-partition-offset it was read at. A record parked again after a replay
    -- (same ce_id) is the same row, back to waiting.
    identity         text         not null,
    origin_topic     varchar(255) not null,   -- the topic the consumer reads
    record_key       text,
    ce_type          text,                    -- headers are the producer's: no length is assumed
    ce_id            text,
    reason           text,
    cause            text,
    effect_may_exist text,                    -- what may have happened that cannot be undone; null when plain
    first_failure    timestamptz  not null,
    parked_at        timestamptz  not null,   -- the dead-letter record's timestamp
    replay_count     integer      not null default 0,
    record_value     bytea,
    record_headers   bytea        not null,   -- the record's headers in order (DeadLetterHeaders' encoding)
    -- Where the record is (or was) on the dead-letter topic.
    dlq_topic        varchar(255) not null,
    dlq_partition    integer      not null,
    dlq_offset       bigint       not null,
    indexed_at       timestamptz  not null default now(),   -- when this parking was indexed
    status           varchar(16)  not null default 'waiting'
                     check (status in ('waiting', 'replaying', 'replayed', 'discarded', 'settled')),
    claimed_at       timestamptz,             -- when a replay claimed it (status replaying)
    resolved_by      text,
    resolved_at      timestamptz,             -- null while it waits or is being replayed
    resolved_reason  text,
    unique (consumer_group, identity)
);

-- The listing: waiting dead letters, newest first.
create index dead_letter_waiting_newest on dead_letter (parked_at desc, id desc) where status = 'waiting';
-- The waiting gauge and the counts of a bulk replay's progress.
create index dead_letter_group_status on dead_letter (consumer_group, status);
-- Claims of an instance that died mid-replay go back to waiting.
create index dead_letter_replaying on dead_letter (claimed_at) where status = 'replaying';
-- settleWaiting: the dead letters of one record key. A hash index: a key of any length fits.
create index dead_letter_waiting_key on dead_letter using hash (record_key) where status = 'waiting';
-- The purge of resolved rows, oldest first (waiting rows have no resolved_at and are never purged).
create index dead_letter_resolved_at on dead_letter (resolved_at) where resolved_at is not null;
