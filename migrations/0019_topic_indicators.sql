-- Resident deliberation in the statistics (issue 11): topics proposed, deliberated (a conclusion
-- reached) and resolved (closed after the action and the residents' evaluation), as three more
-- measures of the indicator rollups of 0016, kept by a trigger on delib_topics like the others.
--
-- A topic row held only its current step, so the moments it was concluded and closed are kept on
-- it now: a figure counted "on the day concluded" must survive the later steps, and a recount from
-- the row alone must give it. A topic sent back to discussion loses its conclusion until it is
-- concluded again; a topic declined after its conclusion (an owners' vote that failed) keeps it:
-- it was deliberated, and the decision was not to act.
alter table delib_topics add column concluded_at timestamptz, add column closed_at timestamptz;

-- The rows written before: the moments from their step events (the latest conclusion not followed
-- by a send-back to discussion).
update delib_topics t set
  concluded_at = (select max(e.at) from events e where e.entity_type = 'delib_topic' and e.entity_id = t.id
    and e.type = 'delib.topic_step' and e.data->>'to' = 'concluded'
    and not exists (select 1 from events b where b.entity_type = 'delib_topic' and b.entity_id = t.id
      and b.type = 'delib.topic_step' and b.data->>'to' in ('proposed', 'discussing') and b.at > e.at)),
  closed_at = (select max(e.at) from events e where e.entity_type = 'delib_topic' and e.entity_id = t.id
    and e.type = 'delib.topic_step' and e.data->>'to' = 'closed')
where t.step in ('concluded', 'acting', 'evaluating', 'closed', 'declined');
-- A row at a late step whose events are missing (an import) takes its last change as the moment.
update delib_topics set concluded_at = updated_at where concluded_at is null and step in ('concluded', 'acting', 'evaluating', 'closed');
update delib_topics set closed_at = updated_at where closed_at is null and step = 'closed';

-- Stamps the moments as the step changes, with the writer's own clock (updated_at, which every step
-- move sets) unless the writer gave them; so a service, the demo's bulk load or an import keeps them alike.
create function delib_topic_stamp() returns trigger language plpgsql as $$
declare
  at timestamptz := coalesce(new.updated_at, now());
begin
  if tg_op = 'UPDATE' then
    if new.step is not distinct from old.step
      or (new.concluded_at is distinct from old.concluded_at or new.closed_at is distinct from old.closed_at) then
      return new;
    end if;
    if new.updated_at is not distinct from old.updated_at then at := now(); end if;
    if new.step in ('proposed', 'discussing') then new.concluded_at := null; end if;
  end if;
  if new.step in ('concluded', 'acting', 'evaluating', 'closed') and new.concluded_at is null then new.concluded_at := at; end if;
  if new.step = 'closed' and new.closed_at is null then new.closed_at := at; end if;
  return new;
end
$$;

create trigger delib_topics_stamp before insert or update on delib_topics
for each row execute function delib_topic_stamp();

-- One topic's figures, times sign, at its building (or its community for an estate-wide topic).
create function stat_topic_add(t delib_topics, sign int) returns void language plpgsql as $$
declare
  node uuid := coalesce(t.building_id, t.community_id);
begin
  perform stat_add(t.street_id, node, t.location_path, '', stat_day(t.created_at), 'topics_proposed', 0, sign);
  if t.concluded_at is not null then
    perform stat_add(t.street_id, node, t.location_path, '', stat_day(t.concluded_at), 'topics_concluded', 0, sign);
  end if;
  if t.closed_at is not null then
    perform stat_add(t.street_id, node, t.location_path, '', stat_day(t.closed_at), 'topics_closed', 0, sign);
  end if;
end
$$;

create function stat_topic_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_topic_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform stat_topic_add(new, 1); end if;
  return null;
end
$$;

create trigger delib_topics_stat_insert_delete after insert or delete on delib_topics
for each row execute function stat_topic_follow();
-- A support, a rating or an edit moves none of a topic's figures.
create trigger delib_topics_stat_update after update on delib_topics
for each row when (
  old.created_at is distinct from new.created_at or old.concluded_at is distinct from new.concluded_at
  or old.closed_at is distinct from new.closed_at or old.location_path is distinct from new.location_path
  or old.building_id is distinct from new.building_id or old.community_id is distinct from new.community_id
  or old.street_id is distinct from new.street_id)
execute function stat_topic_follow();

-- The recount takes the topics too: 0016's recount, kept as it is under another name, then theirs
-- (which add only positive figures, so no empty rows to sweep again).
alter function stat_rebuild(uuid) rename to stat_rebuild_0016;

create function stat_rebuild(street uuid) returns bigint language plpgsql as $$
declare
  n bigint;
begin
  perform stat_rebuild_0016(street);
  perform stat_topic_add(t, 1) from delib_topics t where street is null or t.street_id = street;
  select count(*) into n from stat_daily_rollups where street is null or street_id = street;
  return n;
end
$$;

select stat_topic_add(t, 1) from delib_topics t;
