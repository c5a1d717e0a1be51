-- Drift read model, projected from ferry.inventory: what each discovery's snapshot looked like
-- (names only, no secret values) and the drift events appended when a re-scan found changes.
create table drift_snapshot (
    discovery_id  varchar(64) primary key,
    scope_key     text        not null,
    started_at    timestamptz not null,
    discovered_at timestamptz,
    apps_json     text
);
create index drift_snapshot_scope on drift_snapshot (scope_key, discovered_at);

create table drift_event (
    event_id              varchar(64) primary key,
    discovery_id          varchar(64) not null unique,
    previous_discovery_id varchar(64) not null,
    detected_at           timestamptz not null,
    drift_json            text        not null
);
