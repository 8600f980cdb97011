-- One row per member per day checked in; the key is what makes a second check-in the same day a no-op, even when
-- two arrive at once (insert ... on conflict do nothing). streak is the run of consecutive days this day ends,
-- fixed when the row is written from the previous day's row.
create table check_in (
    community_id  uuid        not null,
    user_id       text        not null,
    day           date        not null,
    streak        integer     not null check (streak >= 1),
    checked_in_at timestamptz not null,
    primary key (community_id, user_id, day)
);
