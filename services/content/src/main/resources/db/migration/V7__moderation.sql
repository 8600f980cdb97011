-- A community's moderation rules, one row once staff set them (PUT /communities/{id}/moderation); no row means the
-- defaults: nothing blocked, links allowed, no flood limit, mute after 3 breaches for 60 minutes.
-- blocked_words are stored normalised (NFKC, lower case, without invisible format characters), as text is matched.
create table moderation_rules (
    community_id         uuid        primary key,
    blocked_words        text[]      not null default '{}',
    link_policy          varchar(16) not null,
    max_posts_per_minute integer,
    breaches_before_mute integer     not null,
    mute_minutes         integer     not null,
    updated_at           timestamptz not null,
    updated_by           text        not null
);

-- Each refusal by a rule, committed on its own so that it outlives the refused request. matched is the blocked word
-- or the link found (null for flood); mute_minutes is set when this breach asked membership to mute the author.
create table rule_breach (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    community_id uuid        not null,
    user_id      text        not null,
    rule         varchar(16) not null,
    matched      text,
    breaches     integer     not null,
    mute_minutes integer,
    breached_at  timestamptz not null
);
-- Staff list a community's breaches newest first; the count of a member's breaches in 24 hours reads the second.
create index rule_breach_by_community on rule_breach (community_id, seq);
create index rule_breach_by_member on rule_breach (community_id, user_id, breached_at);

-- The flood rule counts a member's posts and replies in the last minute.
create index post_by_author on post (community_id, author_id, created_at);
create index reply_by_author on reply (community_id, author_id, created_at);
