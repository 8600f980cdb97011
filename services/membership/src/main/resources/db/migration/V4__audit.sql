-- What staff did in a community, with who, when and why: role changes, mutes, removals, bans, screening decisions,
-- ownership and setting changes. Written in the transaction of the change it records; never updated.
create table audit_entry (
    seq          bigint generated always as identity primary key,
    community_id uuid        not null references community (id),
    at           timestamptz not null,
    actor_id     text        not null,
    action       text        not null,
    -- The person the action was about, when it was about one.
    subject_id   text,
    reason       text,
    -- What changed, in words ("admission: OPEN -> APPROVAL"), for the people reading the audit.
    details      text
);
create index audit_entry_by_community on audit_entry (community_id, seq);

-- What a join is attributed to beyond its entry, and how the person is addressed (the member directory's search).
alter table membership add column display_name text;
alter table membership add column source       text;
alter table membership add column visitor_id   text;
alter table membership add column live_code    text;
