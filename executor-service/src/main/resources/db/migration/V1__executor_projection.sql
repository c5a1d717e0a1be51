-- executor-service's projection of ferry.plans and ferry.migrations.
-- Plans keep their steps as proposed, secrets still sealed (AES-GCM), because the executor runs them.
create table exec_plan (
    id          varchar(64)  primary key,
    version     integer      not null,
    environment varchar(100) not null,
    status      varchar(16)  not null,
    steps_json  text         not null
);

create table migration (
    id             varchar(64)  primary key,
    plan_id        varchar(64)  not null,
    plan_version   integer      not null,
    environment    varchar(100) not null,
    status         varchar(16)  not null,
    failed_step    varchar(200),
    failure_reason text,
    started_at     timestamptz  not null,
    finished_at    timestamptz,
    last_event_at  timestamptz  not null
);

create table migration_step (
    migration_id varchar(64)  not null references migration (id) on delete cascade,
    step_id      varchar(200) not null,
    position     integer      not null,
    step_type    varchar(64)  not null,
    status       varchar(16)  not null,
    attempts     integer      not null default 0,
    summary      text,
    error        text,
    duration_ms  bigint,
    outputs_json text         not null default '{}',
    started_at   timestamptz,
    finished_at  timestamptz,
    primary key (migration_id, step_id)
);
