-- Each order's charge at Stripe, recorded before Stripe is called (one statement per batch), so that an
-- order delivered again after a crash between the charge and its payment row, however late (past Stripe's
-- 24 h idempotency window: a dead-letter replay, a long outage), looks its PaymentIntent up instead of
-- charging again once its key can no longer answer for it.
create table charge_attempt (
    order_id            uuid         primary key,
    -- comanda-order-<order id>, then <that>/2, /3, ... for each later generation.
    idempotency_key     text         not null,
    key_first_used_at   timestamptz  not null,
    -- Since when the key's last answer left open whether money moved (a 5xx, a timeout): Stripe stores
    -- a 500 and replays it for the key, so the key cannot tell any more.
    indeterminate_since timestamptz
);
