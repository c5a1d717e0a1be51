-- A team discovery's drift scope key names its team ('team:acme'); keys projected before were a bare
-- 'team', which a re-scan cannot repeat and under which snapshots of different teams were compared.
-- The discovery projection kept the team, so the old keys are rewritten in place.
update drift_snapshot s
   set scope_key = 'team:' || d.team
  from discovery d
 where d.id = s.discovery_id
   and s.scope_key = 'team'
   and d.team is not null;
