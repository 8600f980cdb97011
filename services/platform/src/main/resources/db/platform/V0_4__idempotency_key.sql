-- Idempotency-Key replay: the first request with a key creates a resource, repeats get the same resource.
create table idempotency_key (
    operation    text        not null,
    principal    text        not null,
    key          text        not null,
    resource_id  text        not null,
    created_at   timestamptz not null default now(),
    primary key (operation, principal, key)
);
