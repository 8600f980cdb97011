-- Runs once, when the PostgreSQL volume is first initialised: one database per service (each owns its tables),
-- and one for Keycloak.
CREATE DATABASE membership;
CREATE DATABASE content;
CREATE DATABASE activity;
CREATE DATABASE monetization;
CREATE DATABASE analytics;
CREATE DATABASE keycloak;
