-- One value sealed with each key this service has used, so a wrong key stops the service at start.
create table secret_key_canary (
    key_id     varchar(64)  primary key,
    sealed     text         not null,
    created_at timestamptz  not null default now()
);
