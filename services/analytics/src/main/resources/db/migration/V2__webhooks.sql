-- Partners' webhook subscriptions: a URL that receives a community's events of the listed types, signed with the
-- subscription's secret. Kept by analytics because it already consumes every topic.
create table webhook_subscription (
    id           uuid        primary key,
    community_id text        not null,
    -- The partner client that subscribed; its grant (events:subscribe) is checked again at every delivery.
    client_id    text        not null,
    url          text        not null,
    -- Space-separated CloudEvents types, e.g. 'hearth.member.joined hearth.post.created'.
    event_types  text        not null,
    -- The HMAC-SHA256 key of Hearth-Signature; shown to the partner once, kept to sign.
    secret       text        not null,
    created_at   timestamptz not null
);
create index webhook_subscription_by_community on webhook_subscription (community_id, client_id);

-- One row per (subscription, event): recorded in the transaction that appends the event to the event log, so no
-- event of a subscribed type is lost; then attempted by the delivery worker until delivered, given up or dropped.
create table webhook_delivery (
    seq              bigint      generated always as identity primary key,
    id               uuid        not null unique,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    community_id     text        not null,
    event_id         text        not null,
    event_type       text        not null,
    -- The CloudEvent in structured JSON, fixed when recorded: every attempt sends the same bytes.
    body             text        not null,
    -- PENDING (due at next_attempt_at), DELIVERED (a 2xx), FAILED (given up after the retry period), DROPPED (the
    -- partner's grant was revoked before it could be delivered).
    status           text        not null,
    attempts         integer     not null default 0,
    created_at       timestamptz not null default now(),
    -- For a PENDING row: when it is due; while an instance attempts it, the end of that instance's claim.
    next_attempt_at  timestamptz not null,
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
-- What the worker claims: due rows, across communities, as the outbox relay reads its table.
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
-- A subscription's delivery log, newest first.
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, seq);
