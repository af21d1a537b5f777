-- The catalogue orders-service owns; prices in minor units of their currency.
create table product (
    sku         varchar(64)  primary key,
    name        varchar(200) not null,
    unit_amount bigint       not null check (unit_amount >= 0),
    currency    char(3)      not null,
    active      boolean      not null default true
);

create table customer_order (
    id             uuid         primary key,
    customer_id    varchar(64)  not null,
    status         varchar(16)  not null,
    total_amount   bigint       not null,
    currency       char(3)      not null,
    payment_method varchar(100) not null,
    note           varchar(500),
    decline_reason varchar(500),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);

-- "The caller's orders, newest first" and "an admin's orders of one customer".
create index customer_order_customer_created on customer_order (customer_id, created_at desc);
create index customer_order_created on customer_order (created_at desc);

create table order_line (
    order_id    uuid        not null references customer_order (id),
    line_no     int         not null,
    sku         varchar(64) not null,
    name        varchar(200) not null,
    quantity    int         not null check (quantity > 0),
    unit_amount bigint      not null,
    primary key (order_id, line_no)
);

-- Idempotency-Key records (draft-ietf-httpapi-idempotency-key-header): one per customer and key,
-- written in the same transaction as the order, replayed until it expires.
create table idempotency_record (
    customer_id       varchar(64)  not null,
    idempotency_key   varchar(255) not null,
    request_hash      char(64)     not null,
    response_status   int          not null,
    response_body     text         not null,
    response_location varchar(255),
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    primary key (customer_id, idempotency_key)
);

create index idempotency_record_expires on idempotency_record (expires_at);
