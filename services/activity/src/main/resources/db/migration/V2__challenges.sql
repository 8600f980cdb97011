-- Staff's day list reads one community's check-ins of one day in the order they came.
create index check_in_by_day on check_in (community_id, day, checked_in_at, user_id);

-- A challenge: check in on goal of the days starts_on .. ends_on (the community's calendar days, both included).
create table challenge (
    community_id uuid        not null,
    id           uuid        not null,
    name         text        not null,
    starts_on    date        not null,
    days         integer     not null check (days between 1 and 366),
    goal         integer     not null check (goal between 1 and days),
    ends_on      date        not null check (ends_on = starts_on + days - 1),
    created_by   text        not null,
    created_at   timestamptz not null,
    primary key (community_id, id)
);
create index challenge_by_start on challenge (community_id, starts_on desc, id);

-- Who joined which challenge. check_ins is their number of check-ins on the challenge's days, counted at the join
-- (earlier check-ins on its days count too) and raised by each later one; completed_at is set once, by the
-- conditional update (completed_at is null) of the transaction that reaches the goal, which is what makes
-- hearth.challenge.completed go out once per participant.
create table challenge_participant (
    community_id uuid        not null,
    challenge_id uuid        not null,
    user_id      text        not null,
    joined_at    timestamptz not null,
    check_ins    integer     not null check (check_ins >= 0),
    completed_at timestamptz,
    primary key (community_id, challenge_id, user_id),
    foreign key (community_id, challenge_id) references challenge (community_id, id)
);
-- A check-in finds the caller's challenges; the leaderboard reads a challenge's participants best first.
create index challenge_participant_by_user on challenge_participant (community_id, user_id);
create index challenge_participant_by_rank on challenge_participant
    (community_id, challenge_id, check_ins desc, completed_at, user_id);
