-- The relay publishes what a row says (topic, schema) without needing to know the type, so a row written by a newer
-- version is published by an older one after a rollback. A row Kafka refuses for good (too large, bad topic) is set
-- aside with the reason instead of blocking every batch after it.
alter table outbox_event add column topic text;
alter table outbox_event add column data_schema text;
alter table outbox_event add column dead_reason text;

drop index outbox_event_unpublished;
create index outbox_event_pending on outbox_event (seq) where published_at is null and dead_reason is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Wakes the relay as soon as a transaction that wrote to the outbox commits (NOTIFY is delivered at commit, and
-- several in one transaction fold into one).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('hearth_outbox', '');
    return null;
end;
$$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Both tables only need to remember as long as a repeat can arrive; the purge deletes by age.
create index processed_event_processed_at on processed_event (processed_at);
create index idempotency_key_created_at on idempotency_key (created_at);
create index outbox_event_set_aside on outbox_event (seq) where dead_reason is not null and published_at is null;
