-- Points per action as staff set them in a community; no row: the defaults (PointsAction). Each 0..1000.
create table points_settings (
    community_id        uuid        primary key,
    post                integer     not null check (post between 0 and 1000),
    reply               integer     not null check (reply between 0 and 1000),
    reaction_received   integer     not null check (reaction_received between 0 and 1000),
    check_in            integer     not null check (check_in between 0 and 1000),
    attendance          integer     not null check (attendance between 0 and 1000),
    accepted_answer     integer     not null check (accepted_answer between 0 and 1000),
    challenge_completed integer     not null check (challenge_completed between 0 and 1000),
    updated_at          timestamptz not null,
    updated_by          text        not null
);

-- The points ledger. A booking is one row per (event that earned it, person): the key makes a repeated event book
-- nothing twice, even past the consumer's own dedup. Taking points back (a reaction withdrawn, a post removed) is a
-- second row of the same booking with reversal true and the negated points, so a booking is reversed at most once and
-- the ledger is never rewritten. A reversal carries its booking's occurred_at, so that it takes the points back from
-- exactly the periods they counted in.
create table points_entry (
    community_id uuid        not null,
    booking_id   text        not null,
    user_id      text        not null,
    reversal     boolean     not null,
    action       text        not null,
    points       integer     not null,
    -- The event that wrote this row: booking_id for a booking, the removal or replacing event for a reversal.
    event_id     text        not null,
    -- What the points were for, so that a later removal finds them: the post (posts, replies, reactions, answers),
    -- the reply (replies, answers), and ref: a reaction's giver and kind ("<userId>/<reaction>"), a check-in's day,
    -- an event's or a challenge's id.
    post_id      text,
    reply_id     text,
    ref          text,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    primary key (community_id, booking_id, user_id, reversal)
);
create index points_entry_period on points_entry (community_id, occurred_at);
create index points_entry_person on points_entry (community_id, user_id);
create index points_entry_post on points_entry (community_id, post_id) where post_id is not null;
