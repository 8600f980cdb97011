-- A post that staff (or a broadcast) asked to appear later. It becomes a post, with the same id, when publish_at has
-- come: the scheduler claims due rows (for update skip locked, so two instances never take the same one), inserts the
-- post and its events and deletes the row in one transaction. Kept apart from post so that the post, when it appears,
-- takes its place in the post order (post.seq is drawn then).
create table scheduled_post (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    community_id uuid        not null,
    author_id    text        not null,
    body         text        not null,
    topics       varchar[]   not null default '{}',
    kind         varchar(16) not null default 'POST',
    broadcast_id uuid,
    publish_at   timestamptz not null,
    created_at   timestamptz not null
);
create index scheduled_post_due on scheduled_post (publish_at);
create index scheduled_post_by_community on scheduled_post (community_id, seq);
create index scheduled_post_by_broadcast on scheduled_post (broadcast_id) where broadcast_id is not null;
create index post_by_broadcast on post (broadcast_id) where broadcast_id is not null;

-- One message by staff to several communities at once; delivered/suppressed/read_count are kept by the delivery
-- consumer and the inbox, so reading a broadcast's figures counts no rows.
create table broadcast (
    id            uuid        primary key,
    sender_id     text        not null,
    title         text        not null,
    body          text        not null,
    community_ids varchar[]   not null,
    publish_at    timestamptz not null,
    created_at    timestamptz not null,
    delivered     integer     not null default 0,
    suppressed    integer     not null default 0,
    read_count    integer     not null default 0
);
create index broadcast_by_sender on broadcast (sender_id, created_at);

-- Who a broadcast reached, once per person however many target communities they are in: the first delivery through
-- one of them claims the row (primary key), later ones find it taken. community_id: the community it reached them
-- through, whose owner's daily cap applied.
create table broadcast_recipient (
    broadcast_id uuid not null,
    user_id      text not null,
    community_id uuid not null,
    primary key (broadcast_id, user_id)
);

-- Broadcasts delivered to a person per UTC day (of publication), across communities: raised by a conditional upsert
-- that refuses to pass the cap, so two deliveries at once cannot both take the last place.
create table broadcast_daily_count (
    user_id   text    not null,
    day       date    not null,
    delivered integer not null,
    primary key (user_id, day)
);
create index broadcast_daily_count_by_day on broadcast_daily_count (day);

-- The daily cap an owner sets for members reached through the communities they own; absent: the default (2).
create table broadcast_settings (
    owner_id   text        primary key,
    daily_cap  integer     not null,
    updated_at timestamptz not null
);

-- A person's inbox: broadcasts delivered to them and other services' notices (hearth.notice.issued). Newest first by
-- seq. A broadcast is in a person's inbox at most once.
create table inbox_item (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    user_id      text        not null,
    kind         varchar(40) not null,
    title        text        not null,
    body         text,
    ref          text,
    community_id uuid,
    broadcast_id uuid,
    created_at   timestamptz not null,
    read_at      timestamptz
);
create index inbox_item_by_user on inbox_item (user_id, seq);
create unique index inbox_item_once_per_broadcast on inbox_item (user_id, broadcast_id) where broadcast_id is not null;
