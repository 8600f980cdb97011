-- The event log: every Hearth event analytics has received, one row per event id, appended in the same transaction
-- as the consumer's claim of that id (processed_event). It is the projection every metric is computed from, and it
-- can be rebuilt from the topics at any time: see io.hearth.analytics.events.EventLogConsumer.
create table event_log (
    -- The CloudEvents id: a repeated or replayed event is the same row.
    event_id      text        primary key,
    -- The CloudEvents type, e.g. hearth.member.joined.
    type          text        not null,
    -- The CloudEvents subject, which is also the record key and data.communityId.
    community_id  text        not null,
    -- Who the event is about: userId (joins, leaves, check-ins), authorId (posts), buyerId (orders, payments),
    -- ownerId (community created), createdBy (entry created); null for plans.
    person_id     text,
    -- Joins only: the role joined with (OWNER, ADMIN, MEMBER), the entry channel and, for referrals, the referrer.
    role          text,
    entry_channel text,
    referrer_id   text,
    -- The CloudEvents time: when it happened. It decides every metric; a late event lands at its time.
    event_time    timestamptz not null,
    -- The event's data as published, for metrics that need more of it.
    data          jsonb       not null,
    -- When analytics applied it: for diagnosing consumer lag, never for metrics.
    received_at   timestamptz not null default now()
);

-- A community's events of one type in time order: funnel entries, daily activity, cohorts.
create index event_log_by_community_type_time on event_log (community_id, type, event_time);
-- A person's first event of a type after a moment: funnel steps.
create index event_log_by_community_type_person on event_log (community_id, type, person_id, event_time);
