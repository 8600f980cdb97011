create table community (
    id         uuid        primary key,
    name       text        not null,
    theme      text        not null,
    kind       text        not null,
    size_cap   integer     check (size_cap > 0),
    owner_id   text        not null,
    created_at timestamptz not null
);

create table entry (
    code         text        primary key,
    community_id uuid        not null references community (id),
    channel      text        not null,
    created_by   text        not null,
    created_at   timestamptz not null
);
create index entry_by_community on entry (community_id);

-- One row per membership: leaving stamps left_at, rejoining adds a new row.
create table membership (
    seq          bigint generated always as identity primary key,
    community_id uuid        not null references community (id),
    user_id      text        not null,
    role         text        not null,
    joined_at    timestamptz not null,
    entry_code   text        references entry (code),
    channel      text,
    referrer_id  text,
    left_at      timestamptz
);
create unique index membership_current on membership (community_id, user_id) where left_at is null;
create index membership_by_community on membership (community_id, seq) where left_at is null;
