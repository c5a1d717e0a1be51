-- The deliveries projection learns which subscription a delivery was for and where it landed.
alter table delivery add column subscription_id varchar(64);
alter table delivery add column message_ts varchar(32);
alter table delivery add column thread_ts varchar(32);
create index delivery_subscription on delivery (subscription_id, finished_at desc);

-- The claim ledger becomes a queue per channel: a claim is 'queued' until its lane takes it, 'sending'
-- while Slack is called, then 'delivered', 'parked' or 'unknown' (the notifier stopped mid-post; not
-- sent again). Queued claims were never attempted, so a restart sends them; nothing else is resent.
alter table delivery_claim add column subscription_id varchar(64);
alter table delivery_claim add column lane varchar(300);
alter table delivery_claim add column kind varchar(64);
alter table delivery_claim add column migration_id varchar(64);
alter table delivery_claim add column text text;
alter table delivery_claim add column message text;
alter table delivery_claim add column status varchar(16) not null default 'delivered';
alter table delivery_claim add column updated_at timestamptz;
create index delivery_claim_status on delivery_claim (status, claimed_at);

-- Projection of ferry.notifications: subscriptions (the saved event as JSON; secrets in it are sealed).
create table subscription (
    subscription_id varchar(64) primary key,
    body            text        not null,
    saved_at        timestamptz not null
);

-- Projection of ferry.notifications: Slack users allowed to act from Slack.
create table slack_user (
    slack_user_id varchar(32)  primary key,
    identity      varchar(200) not null,
    roles         varchar(200) not null,
    mapped_at     timestamptz  not null
);

-- The notifier's own ledger of each migration's parent message per subscription (bot targets):
-- written right after Slack answered the parent's post, read to thread the steps under it.
create table migration_thread (
    subscription_id varchar(64) not null,
    migration_id    varchar(64) not null,
    channel_id      varchar(64) not null,
    thread_ts       varchar(32) not null,
    created_at      timestamptz not null default now(),
    primary key (subscription_id, migration_id)
);

-- What plan and migration events said about environments and apps, for subscription filters.
-- Rebuilt by consuming ferry.plans and ferry.migrations (upserts, so a redelivery changes nothing).
create table plan_scope (
    plan_id     varchar(64)  primary key,
    environment varchar(200) not null,
    apps        text         not null
);

create table migration_scope (
    migration_id varchar(64)  primary key,
    plan_id      varchar(64)  not null,
    environment  varchar(200) not null
);

-- Signatures of interactivity requests already accepted, so a replayed request is refused.
create table slack_interaction (
    signature   varchar(100) primary key,
    received_at timestamptz  not null default now()
);
