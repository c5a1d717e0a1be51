-- The ids of events a projection has applied; written in the same transaction as the change they made.
create table processed_event (
    event_id     varchar(64)  primary key,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null default now()
);
