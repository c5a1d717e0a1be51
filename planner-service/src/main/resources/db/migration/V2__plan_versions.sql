-- Issue 4: every version of a plan (for files, fidelity and diffs), the plan's production flag and
-- hash, and the scope of each discovery (a plan is per Heroku account and scope).
alter table plan add column production boolean not null default false;
alter table plan add column plan_hash varchar(80);
alter table plan add column supersedes_version integer;
alter table plan add column app_count integer not null default 0;
alter table plan add column review_count integer not null default 0;

create table plan_version (
    id            varchar(100) primary key,
    plan_id       varchar(64)  not null,
    version       integer      not null,
    discovery_id  varchar(64)  not null,
    plan_hash     varchar(80),
    proposed_at   timestamptz  not null,
    document_json text         not null,
    unique (plan_id, version)
);

create table discovery_scope (
    discovery_id varchar(64)   primary key,
    scope_key    varchar(2000) not null
);
