-- Which partner client (a Keycloak confidential client with the realm role partner, named by its client id) may do
-- what in which community. The owner grants and revokes; a revoked grant has no row. Published as
-- hearth.partner.access-granted / -revoked, from which every other service keeps partner_grant_replica.
create table partner_grant (
    community_id uuid        not null references community (id),
    client_id    text        not null,
    -- Space-separated scopes, e.g. 'members:read events:subscribe'.
    scopes       text        not null,
    granted_by   text        not null,
    granted_at   timestamptz not null,
    primary key (community_id, client_id)
);
