-- A lottery staff set up: the seed is secret until the draw (only its SHA-256, the commitment, is shown), then
-- revealed with every entrant's score so that anyone can recompute the result. drawn_at is set exactly once, by
-- the transaction that draws (the scheduler's or staff's), which holds the row locked while it does.
create table lottery (
    community_id  uuid        not null,
    id            uuid        not null,
    seq           bigint      generated always as identity,
    prize         text        not null,
    winners       integer     not null check (winners between 1 and 1000),
    eligibility   text        not null check (eligibility in ('ALL_MEMBERS', 'CHECKED_IN')),
    min_check_ins integer     check (min_check_ins >= 1),
    within_days   integer     check (within_days between 1 and 366),
    draw_at       timestamptz not null,
    seed          bytea       not null check (length(seed) = 32),
    commitment    text        not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    drawn_at      timestamptz,
    eligible_count integer,
    primary key (community_id, id),
    check ((eligibility = 'CHECKED_IN') = (min_check_ins is not null and within_days is not null))
);
-- The community's lotteries in the order they were created (the list's cursor).
create unique index lottery_community_seq on lottery (community_id, seq);
-- What the scheduler looks for: lotteries not drawn yet, by when they are due.
create index lottery_due on lottery (draw_at) where drawn_at is null;

-- Everyone eligible at the draw, with their score; rank 1 is the lowest score, and ranks up to the lottery's
-- winners won.
create table lottery_entrant (
    community_id uuid    not null,
    lottery_id   uuid    not null,
    rank         integer not null check (rank >= 1),
    user_id      text    not null,
    score        text    not null,
    primary key (community_id, lottery_id, rank),
    unique (community_id, lottery_id, user_id),
    foreign key (community_id, lottery_id) references lottery (community_id, id)
);
