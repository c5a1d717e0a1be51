-- Not a projection: a lease that lets one of several inventory instances run each scheduled
-- drift re-scan. A row per job; an instance may take it only once the holder's term has run out.
create table drift_lease (
    name       text        primary key,
    holder     text        not null,
    expires_at timestamptz not null
);
