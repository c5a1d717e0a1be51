-- notifier-service's projection of ferry.notifications: one row per delivery of an event to a channel.
-- Built only by consuming ferry.notifications; dropped and rebuilt by POST /api/admin/projection/rebuild.
create table delivery (
    delivery_id       varchar(64)  primary key,
    status            varchar(16)  not null,
    source_event_id   varchar(64)  not null,
    source_event_type varchar(128) not null,
    migration_id      varchar(64),
    channel           varchar(200) not null,
    text              text,
    error             text,
    attempts          integer      not null,
    finished_at       timestamptz  not null
);

create index delivery_migration on delivery (migration_id, finished_at desc);

-- The notifier's own dedupe ledger, NOT part of the projection: a claim is inserted (on conflict do
-- nothing) before Slack is called, and only the transaction that inserted it posts. A rebuild of the
-- projection leaves it alone; emptying it would let already announced events be posted again.
create table delivery_claim (
    delivery_id       varchar(64)  primary key,
    source_event_id   varchar(64)  not null,
    source_event_type varchar(128) not null,
    channel           varchar(200) not null,
    claimed_at        timestamptz  not null default now()
);
