-- The audit trail: who asked for what about a plan or a migration, when, via what, and the outcome.
-- A projection of ferry.plans and ferry.migrations like the other tables: one row per source event.
create table audit_entry (
    event_id     varchar(128) primary key,
    seq          bigserial    not null,
    migration_id varchar(64)  not null,
    plan_id      varchar(64),
    plan_version integer,
    at           timestamptz  not null,
    actor        varchar(200) not null,
    action       varchar(32)  not null,
    step_id      varchar(200),
    via          varchar(32),
    outcome      varchar(16)  not null,
    reason       text,
    comment      text
);
create index audit_entry_migration on audit_entry (migration_id, at, seq);
create index audit_entry_actor on audit_entry (actor, at, seq);
create index audit_entry_at on audit_entry (at, seq);

-- Every plan version the executor saw, for evidence packs: its hash, who requested and who decided it.
-- exec_plan keeps only the latest version of a plan; a migration runs one particular version.
create table exec_plan_version (
    plan_id      varchar(64)  not null,
    version      integer      not null,
    environment  varchar(100) not null,
    plan_hash    varchar(100),
    production   boolean,
    step_count   integer      not null,
    requested_by varchar(200) not null,
    proposed_at  timestamptz  not null,
    decision     varchar(16),
    decided_by   varchar(200),
    decided_at   timestamptz,
    decision_comment text,
    primary key (plan_id, version)
);
