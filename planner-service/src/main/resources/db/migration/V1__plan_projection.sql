-- planner-service's projection of ferry.plans: the latest version of each plan and its decision.
create table plan (
    id           varchar(64)  primary key,
    version      integer      not null,
    discovery_id varchar(64)  not null,
    environment  varchar(100) not null,
    status       varchar(16)  not null,
    requested_by varchar(200) not null,
    decided_by   varchar(200),
    decided_at   timestamptz,
    comment      text,
    proposed_at  timestamptz  not null,
    steps_json   text         not null
);
