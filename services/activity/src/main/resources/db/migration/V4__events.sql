-- Events: meetups at a location or online sessions at a URL, with a capacity. registered and waitlisted count the
-- event's registrations by status. Every registration and cancellation locks the event row first (select ... for
-- update) and changes them under that lock, so a place is never given twice, a freed place is always refilled from
-- the waitlist, and the counts never drift from the rows. seq orders events that start at the same instant and is
-- the list's cursor.
create table event (
    community_id uuid        not null,
    id           uuid        not null,
    seq          bigint      generated always as identity,
    title        text        not null,
    description  text,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    capacity     integer     not null check (capacity >= 1),
    location     text,
    url          text,
    registered   integer     not null default 0,
    waitlisted   integer     not null default 0 check (waitlisted >= 0),
    created_by   text        not null,
    created_at   timestamptz not null,
    primary key (community_id, id),
    check (ends_at > starts_at),
    check ((location is null) <> (url is null)),
    check (registered >= 0 and registered <= capacity)
);
create unique index event_by_seq on event (community_id, seq);
create index event_by_start on event (community_id, starts_at, seq);

-- One row per member holding a place (REGISTERED) or waiting for one (WAITLISTED). A cancellation deletes the row.
-- seq is the order of registration: the waitlist is served in it (position = waitlisted rows up to and including
-- this one), and it is the cursor of staff's list.
create table event_registration (
    community_id  uuid        not null,
    event_id      uuid        not null,
    user_id       text        not null,
    seq           bigint      generated always as identity,
    status        varchar(16) not null check (status in ('REGISTERED', 'WAITLISTED')),
    registered_at timestamptz not null,
    promoted_at   timestamptz,
    attended_at   timestamptz,
    primary key (community_id, event_id, user_id),
    foreign key (community_id, event_id) references event (community_id, id),
    check (attended_at is null or status = 'REGISTERED')
);
create index event_registration_queue on event_registration (community_id, event_id, status, seq);
create index event_registration_by_seq on event_registration (community_id, event_id, seq);

-- Reminders still to send, hours_before the start (24 and 1). The scheduler of every instance claims due rows with
-- for update skip locked and deletes each in the transaction that records its notices, so each reminder goes out
-- once, and a restart loses none.
create table event_reminder (
    community_id uuid        not null,
    event_id     uuid        not null,
    hours_before integer     not null check (hours_before > 0),
    due_at       timestamptz not null,
    primary key (community_id, event_id, hours_before),
    foreign key (community_id, event_id) references event (community_id, id)
);
create index event_reminder_due on event_reminder (due_at);
