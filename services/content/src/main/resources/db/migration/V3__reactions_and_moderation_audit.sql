-- Who reacted how to which post: one row per person and reaction, so a repeated reaction is a primary-key conflict
-- (insert ... on conflict do nothing) and changes nothing. reaction is one of content's fixed set (domain Reaction).
create table reaction (
    community_id uuid        not null,
    post_id      uuid        not null references post (id),
    user_id      text        not null,
    reaction     varchar(16) not null,
    created_at   timestamptz not null,
    primary key (community_id, post_id, user_id, reaction)
);

-- What staff did to content in a community, with who, when and why: removals of others' posts and replies (and, as
-- they come, other moderation actions). Written in the transaction of the change it records; never updated.
create table moderation_audit_entry (
    seq          bigint generated always as identity primary key,
    community_id uuid        not null,
    at           timestamptz not null,
    actor_id     text        not null,
    action       varchar(32) not null,
    post_id      uuid,
    reply_id     uuid,
    -- Whose content it was.
    author_id    text,
    reason       text,
    -- Anything else the action needs said, in words.
    details      text
);
create index moderation_audit_entry_by_community on moderation_audit_entry (community_id, seq);

-- Unanswered questions, newest first: the few rows that are still open, without reading the community's other posts.
create index post_unanswered_questions on post (community_id, seq)
    where kind = 'QUESTION' and accepted_reply_id is null and removed_at is null;
