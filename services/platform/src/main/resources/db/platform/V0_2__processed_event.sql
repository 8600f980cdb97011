-- Idempotent consumers: the ids of events a consumer has applied, written in the same transaction as the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
