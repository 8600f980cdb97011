-- Each community's time zone (IANA), replicated from hearth.community.created / -updated, so that a service counts
-- days (check-ins, streaks, challenges) in the community's day without asking membership. No row: UTC.
create table community_zone_replica (
    community_id text primary key,
    time_zone    text not null
);
