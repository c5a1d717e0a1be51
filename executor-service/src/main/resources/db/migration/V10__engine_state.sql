-- The step engine: the migration aggregate's state (a fold of its events) and what people read per step.
alter table migration add column state_json text;
alter table migration alter column status type varchar(32);

alter table migration_step alter column status type varchar(32);
alter table migration_step add column gate varchar(32);
alter table migration_step add column gate_instructions text;
alter table migration_step add column approved_by varchar(200);
alter table migration_step add column approved_via varchar(32);
alter table migration_step add column approved_at timestamptz;
alter table migration_step add column retry_at timestamptz;
alter table migration_step add column operations_json text not null default '{}';
alter table migration_step add column log_json text not null default '[]';
alter table migration_step add column progress text;
alter table migration_step add column compensated_at timestamptz;
