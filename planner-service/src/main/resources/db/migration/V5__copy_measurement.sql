-- Copies the executor measured (step-succeeded of copy-postgres steps on ferry.migrations), so later
-- plan versions predict maintenance windows from a measured throughput. Part of the planner's
-- projection: rebuilt with plan and plan_version from the event log.
create table measured_migration (
    migration_id varchar(200) primary key,
    plan_id      varchar(64)  not null,
    plan_version integer      not null
);

create table copy_measurement (
    event_id     varchar(200)  primary key,
    migration_id varchar(200)  not null,
    step_id      varchar(1000) not null,
    plan_id      varchar(64),
    source_addon varchar(1000),
    bytes        bigint        not null,
    copy_ms      bigint        not null,
    measured_at  timestamptz   not null
);
create index copy_measurement_plan on copy_measurement (plan_id);
create index copy_measurement_addon on copy_measurement (source_addon);
