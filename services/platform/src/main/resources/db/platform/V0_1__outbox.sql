-- Transactional outbox: a state change and its event are written in one transaction; the relay publishes
-- unpublished rows in seq order and stamps published_at.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    type         text        not null,
    community_id text        not null,
    occurred_at  timestamptz not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
