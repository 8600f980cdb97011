-- What a community offers for money. The price is in minor units of an ISO-4217 currency, never a float.
create table plan (
    id           uuid        primary key,
    seq          bigint      generated always as identity unique,
    community_id uuid        not null,
    name         text        not null,
    amount_minor bigint      not null check (amount_minor > 0),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    period_days  integer     not null check (period_days between 1 and 3650),
    created_by   text        not null,
    created_at   timestamptz not null
);
create index plan_by_community on plan (community_id, seq);

-- A member's order of a plan. The price is copied from the plan when ordered: what the buyer was asked to pay.
-- PENDING until the payment provider's signed callback settles it as PAID or FAILED, which is final.
create table plan_order (
    id                 uuid        primary key,
    community_id       uuid        not null,
    plan_id            uuid        not null references plan (id),
    buyer_id           text        not null,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           text        not null,
    status             text        not null check (status in ('PENDING', 'PAID', 'FAILED')),
    created_at         timestamptz not null,
    paid_at            timestamptz,
    failed_at          timestamptz,
    provider_reference text
);
create index plan_order_by_community on plan_order (community_id, created_at);
create index plan_order_by_buyer on plan_order (buyer_id, created_at);
