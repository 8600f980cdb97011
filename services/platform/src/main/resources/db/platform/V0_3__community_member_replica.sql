-- Who is in which community with which role, replicated from membership's events so that this service can
-- check callers without asking membership.
create table community_member_replica (
    community_id text        not null,
    user_id      text        not null,
    role         text        not null,
    joined_at    timestamptz not null,
    primary key (community_id, user_id)
);
