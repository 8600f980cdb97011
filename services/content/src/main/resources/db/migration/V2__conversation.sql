-- What a post is and what became of it. kind: POST, QUESTION, WELCOME (content's own, author 'hearth') or BROADCAST.
alter table post add column kind              varchar(16) not null default 'POST';
alter table post add column edited_at         timestamptz;
-- Taken down by its author or by staff (removed_by, with a reason); the row stays for the audit, readers see it gone.
alter table post add column removed_at        timestamptz;
alter table post add column removed_by        text;
alter table post add column removal_reason    text;
-- A question's accepted answer (a reply to it).
alter table post add column accepted_reply_id uuid;
-- In the knowledge base since featured_at, by featured_by (staff, or 'hearth' when nominated automatically).
alter table post add column featured_at       timestamptz;
alter table post add column featured_by       text;
-- The broadcast that placed this post, for kind BROADCAST.
alter table post add column broadcast_id      uuid;
-- Kept in the transaction of each reply and reaction, so views and nomination read them without counting rows.
alter table post add column reply_count       integer not null default 0;
alter table post add column reaction_count    integer not null default 0;

-- A reply to a post; seq is the order of writing, which paging follows.
create table reply (
    seq            bigint generated always as identity primary key,
    id             uuid        not null unique,
    community_id   uuid        not null,
    post_id        uuid        not null references post (id),
    author_id      text        not null,
    body           text        not null,
    created_at     timestamptz not null,
    edited_at      timestamptz,
    removed_at     timestamptz,
    removed_by     text,
    removal_reason text
);
create index reply_by_post on reply (community_id, post_id, seq);
