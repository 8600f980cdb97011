-- A poll staff opened in a community. seq is the order of creation, which paging follows; id is what clients and
-- events name. Voting ends at closes_at; staff closing early moves closes_at to that moment and sets closed_by.
create table poll (
    seq             bigint generated always as identity primary key,
    id              uuid        not null unique,
    community_id    uuid        not null,
    question        text        not null,
    multiple_choice boolean     not null,
    closes_at       timestamptz not null,
    created_by      text        not null,
    created_at      timestamptz not null,
    closed_by       text
);
create index poll_by_community on poll (community_id, seq);

-- A poll's options in the order staff gave them; position 0 first.
create table poll_option (
    community_id uuid     not null,
    poll_id      uuid     not null references poll (id),
    id           uuid     not null unique,
    position     smallint not null,
    text         text     not null,
    primary key (community_id, poll_id, id),
    unique (community_id, poll_id, position)
);

-- One row per member per poll: the key is what makes a second vote 409, even when two arrive at once (insert ... on
-- conflict do nothing waits for the other transaction, then inserts nothing).
create table poll_vote (
    community_id uuid        not null,
    poll_id      uuid        not null,
    user_id      text        not null,
    voted_at     timestamptz not null,
    primary key (community_id, poll_id, user_id)
);

-- The options a vote chose; the foreign key also keeps any option of another poll out.
create table poll_vote_option (
    community_id uuid not null,
    poll_id      uuid not null,
    user_id      text not null,
    option_id    uuid not null,
    primary key (community_id, poll_id, user_id, option_id),
    foreign key (community_id, poll_id, user_id) references poll_vote (community_id, poll_id, user_id),
    foreign key (community_id, poll_id, option_id) references poll_option (community_id, poll_id, id)
);
create index poll_vote_option_by_option on poll_vote_option (community_id, poll_id, option_id);
