-- The settings staff change with PATCH /communities/{id}: rules, the time zone every day-based feature counts days
-- in, how newcomers are admitted, and up to five questions an APPROVAL community asks them. Existing communities get
-- the defaults a new one gets.
alter table community add column rules     text check (char_length(rules) <= 5000);
alter table community add column time_zone text   not null default 'UTC';
alter table community add column admission text   not null default 'OPEN'
    check (admission in ('OPEN', 'APPROVAL', 'CLOSED'));
alter table community add column questions text[] not null default '{}'
    check (cardinality(questions) <= 5);
