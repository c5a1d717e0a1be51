-- The event that decided the latest version: the first decision on the log wins, and a person whose
-- approval or rejection arrived second is told so instead of being told it was accepted.
alter table plan add column decided_event_id varchar(80);
