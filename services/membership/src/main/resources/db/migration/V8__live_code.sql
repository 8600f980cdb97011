-- A live code: one code (a QR code on a poster) over a pool of communities; a newcomer joins the first one in list
-- order that has room. With overflow on, a full pool grows by a copy of its last community, owned by the live code's
-- owner. A join through it locks its row, so placements through one live code happen one at a time.
create table live_code (
    code       text        primary key,
    name       text        not null,
    owner_id   text        not null,
    source     text        check (char_length(source) between 1 and 40),
    overflow   boolean     not null,
    created_at timestamptz not null
);

-- The pool, in the order newcomers fill it; overflow communities are appended.
create table live_code_community (
    live_code    text    not null references live_code (code),
    position     integer not null,
    community_id uuid    not null references community (id),
    primary key (live_code, position),
    unique (live_code, community_id)
);
