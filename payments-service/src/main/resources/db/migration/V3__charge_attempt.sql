-- The charge of each order as opened at Stripe, recorded before any money moves: the PaymentIntent is
-- created unconfirmed, its id stored here, and only then confirmed. An order delivered again, however
-- long after (past Stripe's 24 h idempotency window: a dead-letter replay, a long outage), finds its
-- PaymentIntent here and resumes it instead of creating a second one.
create table charge_attempt (
    order_id          uuid         primary key,
    -- How many times a PaymentIntent was asked for while none was recorded: each generation opens
    -- under its own idempotency key, so a 500 Stripe stored for one key cannot block the order.
    generation        integer      not null,
    payment_intent_id varchar(255),
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now()
);
