-- Announcements staff publish; seq is the order of publishing. read_count is kept in the transaction of each first read,
-- so lists show it without counting rows.
create table announcement (
    seq          bigint generated always as identity primary key,
    id           uuid         not null unique,
    community_id uuid         not null,
    author_id    text         not null,
    title        varchar(200) not null,
    body         text         not null,
    pinned       boolean      not null,
    created_at   timestamptz  not null,
    read_count   integer      not null default 0
);
-- The list's order: pinned first, then newest.
create index announcement_by_community on announcement (community_id, pinned desc, seq desc);

-- Who marked which announcement read, once each (the primary key makes a repeat a no-op).
create table announcement_read (
    community_id    uuid        not null,
    announcement_id uuid        not null references announcement (id),
    user_id         text        not null,
    read_at         timestamptz not null,
    primary key (community_id, announcement_id, user_id)
);

-- What content knows of each community for welcomes ({community}, {rules}), from CommunityCreated/CommunityUpdated.
create table community_profile (
    community_id uuid primary key,
    name         text not null,
    rules        text
);

-- A community's welcome; no row means no welcome. enabled_at: joins before it are not welcomed (a replay of old joins
-- posts nothing).
create table welcome_setting (
    community_id  uuid primary key,
    template      text        not null,
    merge_seconds integer     not null,
    enabled_at    timestamptz not null,
    updated_by    text        not null,
    updated_at    timestamptz not null
);

-- A burst of joins that share one welcome: the window runs from the first join's time (started_at) to due_at; the
-- scheduler posts it once due (claimed with for update skip locked) and sets posted_at, in the transaction that inserts
-- the post. post_id is null when the welcome was turned off before the burst was due (nothing posted).
create table welcome_burst (
    id           uuid primary key,
    community_id uuid        not null,
    started_at   timestamptz not null,
    due_at       timestamptz not null,
    posted_at    timestamptz,
    post_id      uuid
);
create index welcome_burst_open on welcome_burst (community_id, started_at) where posted_at is null;
create index welcome_burst_due on welcome_burst (due_at) where posted_at is null;

-- The newcomers of a burst, in the order they joined; each person once per burst.
create table welcome_newcomer (
    seq          bigint generated always as identity primary key,
    burst_id     uuid        not null references welcome_burst (id),
    community_id uuid        not null,
    user_id      text        not null,
    display_name text,
    joined_at    timestamptz not null,
    unique (burst_id, user_id)
);
