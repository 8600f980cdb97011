-- Which partner client may do what in which community, replicated from membership's grant events
-- (hearth.partner.access-granted / -revoked), so that this service can check partner callers without asking
-- membership. scopes: space-separated, e.g. 'members:read events:subscribe'; a revoked grant has no row.
create table partner_grant_replica (
    community_id text not null,
    client_id    text not null,
    scopes       text not null,
    primary key (community_id, client_id)
);
