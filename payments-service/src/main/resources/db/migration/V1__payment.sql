-- One payment per order: the database's last word on "never charge twice".
create table payment (
    id                 uuid         primary key,
    order_id           uuid         not null unique,
    customer_id        varchar(64)  not null,
    amount             bigint       not null,
    currency           char(3)      not null,
    status             varchar(16)  not null,
    provider_reference varchar(255),
    decline_code       varchar(64),
    reason             varchar(500),
    created_at         timestamptz  not null
);
