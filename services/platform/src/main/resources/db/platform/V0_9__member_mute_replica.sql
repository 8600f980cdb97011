-- Until when a member is muted, replicated from hearth.member.muted / -unmuted, so that this service refuses a muted
-- member's writes without asking membership. Null: not muted. A mute that has run out needs no event: writes compare
-- it with the current time. A leave deletes the row, and with it the mute.
alter table community_member_replica add column muted_until timestamptz;
