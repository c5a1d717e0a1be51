-- The decision that stood for each version, kept after a newer version replaces the plan's row, so
-- a person whose decision reached the log after a newer proposal is told it had no effect.
alter table plan_version add column decision varchar(16);
alter table plan_version add column decided_event_id varchar(80);
alter table plan_version add column decided_by varchar(200);
