-- A post in a community. seq is the order of writing, which paging follows; id is what clients and events name.
create table post (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    community_id uuid        not null,
    author_id    text        not null,
    body         text        not null,
    topics       varchar[]   not null default '{}',
    created_at   timestamptz not null
);
create index post_by_community on post (community_id, seq);
create index post_by_topic on post using gin (topics);
