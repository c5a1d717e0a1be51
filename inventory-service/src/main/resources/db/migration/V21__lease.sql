-- Not a projection: leases that let one of several inventory instances own a piece of work (a
-- scheduled drift re-scan, a running discovery). An instance may take a lease only once its
-- holder's term has run out; the holder renews it while it works. takeovers counts how often a
-- lease was taken from a holder that stopped renewing it (a discovery interrupted by a crash).
create table lease (
    name       text        primary key,
    holder     text        not null,
    expires_at timestamptz not null,
    takeovers  integer     not null default 0
);
