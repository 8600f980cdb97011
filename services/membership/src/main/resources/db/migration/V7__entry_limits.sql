-- What an operator says about an entry: where it is published (source, their own label) and how long and how often it
-- may be used. uses counts the joins through it; a join takes a use with one conditional update in its transaction
-- (refused when max_uses is reached), so two joins cannot both take the last use and a refused join takes none.
alter table entry add column source     text check (char_length(source) between 1 and 40);
alter table entry add column expires_at timestamptz;
alter table entry add column max_uses   integer check (max_uses >= 1);
alter table entry add column uses       integer not null default 0 check (uses >= 0);
