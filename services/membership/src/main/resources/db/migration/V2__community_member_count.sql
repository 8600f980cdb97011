-- The number of current members of each community, changed in the same transaction as every join and leave. A join
-- takes a place with one conditional update of this column (refused when a cap would be passed), instead of counting
-- every member under a lock on the community row; reading a community's size no longer counts either.
alter table community add column member_count integer not null default 0 check (member_count >= 0);

update community c
   set member_count = (select count(*) from membership m where m.community_id = c.id and m.left_at is null);

-- Every insert states the count (the owner is the first member); a missing one is a bug, not zero.
alter table community alter column member_count drop default;
