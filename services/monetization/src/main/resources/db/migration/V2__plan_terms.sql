-- What a plan sells beyond its price: a one-off purchase has no period; a trial precedes a recurring plan's first
-- charge; a referrer earns commission_rate_bps / 10,000 of each payment. grants lists what a payment entitles its buyer
-- to, each 'COMMUNITY' or 'KIND:item' (TOPIC:marathon, EVENT:<uuid>, CHALLENGE:<uuid>); plans made before this grant
-- the community.
alter table plan alter column period_days drop not null;
alter table plan add column trial_days integer not null default 0 check (trial_days between 0 and 365);
alter table plan add column commission_rate_bps integer not null default 0
    check (commission_rate_bps between 0 and 10000);
alter table plan add column grants text[] not null default '{COMMUNITY}' check (cardinality(grants) >= 1);
alter table plan add constraint plan_trial_needs_period check (trial_days = 0 or period_days is not null);
