-- Mutes and bans staff place on people in a community (PUT/DELETE .../members/{userId}/mute,
-- POST .../members/{userId}/removal with ban, DELETE .../bans/{userId}). At most one of each per person and
-- community: muting again replaces the mute. A mute ends with the membership (leave or removal); a ban outlives it,
-- since it is what refuses the person's next join.
create table member_mute (
    community_id uuid        not null references community (id),
    user_id      text        not null,
    until        timestamptz not null,
    reason       text,
    muted_by     text        not null,
    muted_at     timestamptz not null,
    primary key (community_id, user_id)
);

create table member_ban (
    community_id uuid        not null references community (id),
    user_id      text        not null,
    reason       text,
    banned_by    text        not null,
    banned_at    timestamptz not null,
    primary key (community_id, user_id)
);
