-- Manual tags staff give a person in a community (TagService). Kept per person, not per stay: a note such as
-- "mentor" or "spam-risk" is still there if they leave and come back. Replaced as a whole by PUT .../tags.
create table member_tag (
    community_id uuid not null references community (id),
    user_id      text not null,
    tag          text not null,
    primary key (community_id, user_id, tag)
);
-- The directory's ?tag= filter: members of one community holding one tag.
create index member_tag_by_tag on member_tag (community_id, tag, user_id);

-- How many activity events (contracts ActivityEvents.TYPES: posts, check-ins, ...) each person produced per UTC day,
-- by event time, from content's and activity's topics (events/ActivityConsumer). Only the last ~35 days are kept
-- (each write drops that person's older days); key-member reads the last 30. No foreign key: the consumer must never
-- be stuck on an event about a community it has not seen.
create table member_activity_day (
    community_id uuid    not null,
    user_id      text    not null,
    day          date    not null,
    events       integer not null check (events > 0),
    primary key (community_id, user_id, day)
);
-- Key-member: one community's recent days, read from the index alone.
create index member_activity_day_by_day on member_activity_day (community_id, day) include (user_id, events);

-- When each person was last active in the community (latest event time seen, late events included); new, active and
-- silent are derived from it and joined_at at read time, so they stay right as time passes without events.
create table member_activity (
    community_id   uuid        not null,
    user_id        text        not null,
    last_active_at timestamptz not null,
    primary key (community_id, user_id)
);
