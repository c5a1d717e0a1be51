-- The estate-wide facts of a completed discovery, projected from its estate-discovered event: teams,
-- Private Spaces with their network, pipelines with their stages and the dyno sizes in use, stored as
-- the redacted EstateView (no secret value). Discoveries projected before this table existed get their
-- row when the projection is rebuilt (POST /api/admin/projection/rebuild).
create table discovered_estate (
    discovery_id varchar(64) primary key references discovery (id) on delete cascade,
    view_json    text        not null
);
