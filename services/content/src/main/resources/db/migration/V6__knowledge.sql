-- The knowledge base: featured posts and questions' accepted answers, searchable in Chinese and English.

-- Staff took the post out of the knowledge base (or kept it out): automatic nomination never puts it back.
alter table post add column unfeatured_at timestamptz;
alter table post add column unfeatured_by text;
-- The post's words (body and topics, weight A; its accepted answer's body, weight B) as content's own tokenizer cut
-- them (search.TextTokens: Latin and digit runs as lower-case words, CJK runs as characters and overlapping bigrams),
-- stored as a literal tsvector so that PostgreSQL's text parser and the server's locale play no part.
alter table post add column search_vector tsvector;

-- Only knowledge items are searched and listed, so the indexes hold only them.
create index post_knowledge on post (community_id, seq)
    where featured_at is not null or accepted_reply_id is not null;
create index post_knowledge_search on post using gin (search_vector)
    where featured_at is not null or accepted_reply_id is not null;

-- A community's knowledge settings; a community without a row has the defaults (nomination at 10).
create table knowledge_settings (
    community_id         uuid        primary key,
    nomination_threshold integer     not null check (nomination_threshold between 1 and 10000),
    updated_at           timestamptz not null,
    updated_by           text        not null
);
