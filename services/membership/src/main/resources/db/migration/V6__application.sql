-- Applications to join a community whose admission is APPROVAL: the answers to its questions (as they were asked),
-- the entry the person came through, and staff's decision. Approving makes the person a member like a join would.
create table application (
    seq          bigint generated always as identity primary key,
    id           uuid        not null,
    community_id uuid        not null references community (id),
    user_id      text        not null,
    display_name text,
    questions    text[]      not null,
    answers      text[]      not null,
    entry_code   text        references entry (code),
    visitor_id   text,
    status       text        not null check (status in ('PENDING', 'APPROVED', 'DECLINED')),
    created_at   timestamptz not null,
    decided_at   timestamptz,
    decided_by   text,
    reason       text
);
create unique index application_by_id on application (community_id, id);
-- One pending application per person and community: a second is refused (409 application-pending), also when two race.
create unique index application_pending on application (community_id, user_id) where status = 'PENDING';
-- Staff's queue: a community's applications of one status in the order they came.
create index application_by_status on application (community_id, status, seq);
