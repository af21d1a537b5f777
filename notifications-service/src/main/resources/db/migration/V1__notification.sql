-- One row per order event this service has handled: written in the transaction that records the
-- event in the inbox, so "mail sent" and "event processed" are remembered together.
create table notification (
    event_id    uuid         primary key,   -- ce_id of the event; the mail's Message-ID is derived from it
    order_id    uuid         not null,
    recipient   varchar(64)  not null,      -- the customer's Keycloak user id; the address stays in Keycloak
    template    varchar(32)  not null,      -- received | confirmed | cancelled
    state       varchar(16)  not null,      -- SENT | SKIPPED
    skip_reason varchar(32),                -- why nothing was sent, e.g. no-address
    message_id  varchar(128),
    recorded_at timestamptz  not null
);

create index notification_order on notification (order_id);

-- What the confirmation and cancellation mails need but their events do not carry: the lines of the
-- order, kept from OrderPlaced (a read model; the events stay small).
create table order_summary (
    order_id     uuid         primary key,
    customer_id  varchar(64)  not null,
    items        text         not null,      -- the OrderPlaced lines as JSON
    total_amount bigint       not null,
    currency     char(3)      not null,
    placed_at    timestamptz  not null
);
