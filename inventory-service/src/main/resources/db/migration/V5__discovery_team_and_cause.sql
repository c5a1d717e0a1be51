-- A discovery may cover one team; a failed one names the app, request and Heroku status that stopped it.
alter table discovery add column team varchar(100);
alter table discovery add column failure_app varchar(64);
alter table discovery add column failure_endpoint varchar(300);
alter table discovery add column failure_status integer;
