-- inventory-service's projection of ferry.inventory: discoveries and the apps each one found.
create table discovery (
    id             varchar(64)  primary key,
    scope          varchar(16)  not null,
    requested_apps text         not null,
    requested_by   varchar(200) not null,
    status         varchar(16)  not null,
    account_email  varchar(320),
    app_count      integer      not null default 0,
    failure_reason text,
    started_at     timestamptz  not null,
    finished_at    timestamptz
);

create table discovered_app (
    discovery_id varchar(64)  not null references discovery (id) on delete cascade,
    name         varchar(64)  not null,
    heroku_id    varchar(64)  not null,
    view_json    text         not null,
    primary key (discovery_id, name)
);
