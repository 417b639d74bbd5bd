-- Daily figures of the modules other than the case lifecycle (hazards, complaints, handling time,
-- reporters' verdicts, organisations' work, disputes, volunteer hours, care visits), in one long
-- table: a row is one measure of one node, one breakdown key and one local day. A new indicator
-- needs a registry entry (src/modules/stats/indicators.ts) and, when it counts something new, one
-- more measure written below; no new table.
--
-- Kept by triggers on the source rows, in the writer's transaction: each row's contribution is
-- taken away as it was (OLD) and added back as it is (NEW). Whatever writes the sources (the
-- services, the demo's bulk load, an import) moves the figures with it, nothing can commit a change
-- without its figures, and a recount from the source tables gives the same numbers by construction.
-- (A catch-up job reading the events table after a watermark was the other way: an events id
-- taken by a transaction that commits after a later one would be stepped over, and the case
-- tables hold state, like a rectification or a current agreement, that no single event carries.)
create table stat_daily_rollups (
  street_id uuid not null references area_nodes (id),
  -- the grid (or, for records kept higher up, the community or the street) the record belongs to
  node_id uuid not null references area_nodes (id),
  node_path text not null,
  -- the breakdown: a case category id, an organisation id, a dispute type, a service source
  breakdown text not null default '',
  day date not null,
  measure text not null,
  -- a histogram's bucket (handling time in working days); 0 elsewhere
  bucket int not null default 0,
  value bigint not null default 0,
  primary key (node_id, breakdown, day, measure, bucket)
);
create index stat_daily_rollups_street on stat_daily_rollups (street_id, day);
create index stat_daily_rollups_path on stat_daily_rollups (node_path text_pattern_ops, day);

-- The zone whose local days the figures are counted in (STREET_TIMEZONE; the app keeps it in step).
create table stat_settings (
  id int primary key check (id = 1),
  time_zone text not null
);
insert into stat_settings (id, time_zone) values (1, 'Asia/Shanghai');

create function stat_zone() returns text language sql stable as $$ select time_zone from stat_settings where id = 1 $$;
create function stat_day(at timestamptz) returns date language sql stable as $$ select (at at time zone stat_zone())::date $$;

create function stat_add(street uuid, node uuid, path text, key text, d date, m text, b int, delta bigint)
returns void language sql as $$
  insert into stat_daily_rollups as r (street_id, node_id, node_path, breakdown, day, measure, bucket, value)
  select street, node, path, coalesce(key, ''), d, m, b, delta
  where delta <> 0 and node is not null and d is not null
  on conflict (node_id, breakdown, day, measure, bucket) do update set value = r.value + excluded.value;
$$;

-- A working day: a make-up workday, or Monday to Friday that is no statutory holiday; the street's
-- own entry wins over the national one (as in src/modules/calendar/working-days.ts).
create function stat_is_workday(street uuid, d date) returns boolean language sql stable as $$
  select coalesce(
    (select kind = 'workday' from calendar_days where day = d and (street_id = street or street_id is null)
     order by street_id nulls last limit 1),
    extract(isodow from d) < 6)
$$;

-- Handling time in working days: the working days after the local day of receipt up to and including
-- the local day of resolution (resolved the day it came in: 0).
create function stat_working_days(street uuid, from_at timestamptz, to_at timestamptz) returns int language sql stable as $$
  select count(*)::int from generate_series(stat_day(from_at) + 1, stat_day(to_at), interval '1 day') as g(d)
  where stat_is_workday(street, g.d::date)
$$;

-- One case row's figures, times sign.
create function stat_case_add(c cases, sign int) returns void language plpgsql as $$
declare
  path text;
  cohort date := stat_day(c.created_at);
  counted boolean := c.state not in ('duplicate', 'rejected');
begin
  if c.grid_id is null then return; end if;
  path := c.location_path;
  if c.kind = 'hazard' and counted then
    perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, cohort, 'hazards_found', 0, sign);
    if c.rectified_at is not null then
      perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, cohort, 'hazards_rectified', 0, sign);
    end if;
  end if;
  -- The response rate's own counts, from the case row: the contact event carries no on-time flag
  -- (src/modules/cases/effects.ts), so the case rollups' contacted_on_time never moves.
  if c.response_due_at is not null and counted then
    perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, cohort, 'response_due', 0, sign);
    if c.first_contact_at is not null and c.first_contact_at <= c.response_due_at then
      perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, cohort, 'responded_on_time', 0, sign);
    end if;
  end if;
  if c.kind = 'complaint' then
    perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, cohort, 'complaints', 0, sign);
  end if;
  if c.resolved_at is not null then
    perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, stat_day(c.resolved_at), 'handling_days',
      stat_working_days(c.street_id, c.created_at, c.resolved_at), sign);
    if c.assignee_org_id is not null then
      perform stat_add(c.street_id, c.grid_id, path, c.assignee_org_id::text, stat_day(c.resolved_at), 'org_handled', 0, sign);
      if c.due_at is null or c.resolved_at <= c.due_at then
        perform stat_add(c.street_id, c.grid_id, path, c.assignee_org_id::text, stat_day(c.resolved_at), 'org_on_time', 0, sign);
      end if;
    end if;
  end if;
  if c.rated_at is not null and c.rating is not null then
    perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, stat_day(c.rated_at), 'verdicts', 0, sign);
    if c.rating >= 3 then
      perform stat_add(c.street_id, c.grid_id, path, c.category_id::text, stat_day(c.rated_at), 'verdicts_solved', 0, sign);
    end if;
  end if;
end
$$;

create function stat_case_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_case_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform stat_case_add(new, 1); end if;
  return null;
end
$$;

create trigger cases_stat_insert_delete after insert or delete on cases
for each row execute function stat_case_follow();
-- Most updates of a case (a note, a reminder, a deadline warning) move none of its figures.
create trigger cases_stat_update after update on cases
for each row when (
  old.state is distinct from new.state or old.kind is distinct from new.kind
  or old.grid_id is distinct from new.grid_id or old.category_id is distinct from new.category_id
  or old.rectified_at is distinct from new.rectified_at or old.resolved_at is distinct from new.resolved_at
  or old.rated_at is distinct from new.rated_at or old.rating is distinct from new.rating
  or old.assignee_org_id is distinct from new.assignee_org_id or old.due_at is distinct from new.due_at
  or old.created_at is distinct from new.created_at or old.location_path is distinct from new.location_path
  or old.first_contact_at is distinct from new.first_contact_at or old.response_due_at is distinct from new.response_due_at)
execute function stat_case_follow();

-- A dispute counts on the local day it was opened, at the node where it arose, by type.
create function stat_dispute_add(d disputes, sign int) returns void language plpgsql as $$
declare
  opened date := stat_day(d.opened_at);
begin
  perform stat_add(d.street_id, d.node_id, d.location_path, d.type, opened, 'disputes_received', 0, sign);
  if d.outcome in ('agreement', 'partial_agreement', 'failed') then
    perform stat_add(d.street_id, d.node_id, d.location_path, d.type, opened, 'disputes_mediated', 0, sign);
  end if;
  if d.outcome in ('agreement', 'partial_agreement') then
    perform stat_add(d.street_id, d.node_id, d.location_path, d.type, opened, 'disputes_successful', 0, sign);
  end if;
end
$$;

create function stat_dispute_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_dispute_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform stat_dispute_add(new, 1); end if;
  return null;
end
$$;

create trigger disputes_stat after insert or delete or update on disputes
for each row execute function stat_dispute_follow();

-- Money recovered: paid on the instalments of the dispute's current (latest) agreement, credited to
-- the dispute's day and node like its other figures.
create function stat_recovered_add(dispute uuid, agreement uuid, fen bigint) returns void language plpgsql as $$
declare
  d disputes;
begin
  if fen = 0 then return; end if;
  if agreement is distinct from (select id from dispute_agreements where dispute_id = dispute order by version desc limit 1) then
    return;
  end if;
  select * into d from disputes where id = dispute;
  perform stat_add(d.street_id, d.node_id, d.location_path, d.type, stat_day(d.opened_at), 'disputes_recovered_fen', 0, fen);
end
$$;

create function stat_instalment_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_recovered_add(old.dispute_id, old.agreement_id, -old.paid_fen); end if;
  if tg_op <> 'DELETE' then perform stat_recovered_add(new.dispute_id, new.agreement_id, new.paid_fen); end if;
  return null;
end
$$;

create trigger dispute_instalments_stat after insert or delete or update on dispute_instalments
for each row execute function stat_instalment_follow();

-- A new agreement version supersedes the last one: what was paid on that one no longer counts.
create function stat_agreement_follow() returns trigger language plpgsql as $$
declare
  previous uuid;
  d disputes;
  paid bigint;
begin
  select id into previous from dispute_agreements where dispute_id = new.dispute_id and id <> new.id order by version desc limit 1;
  if previous is null then return null; end if;
  select coalesce(sum(paid_fen), 0) into paid from dispute_instalments where agreement_id = previous;
  select * into d from disputes where id = new.dispute_id;
  perform stat_add(d.street_id, d.node_id, d.location_path, d.type, stat_day(d.opened_at), 'disputes_recovered_fen', 0, -paid);
  return null;
end
$$;

create trigger dispute_agreements_stat after insert on dispute_agreements
for each row execute function stat_agreement_follow();

-- Volunteer service: minutes and services (one person serving once: a 人次), on the day served, at the
-- volunteer's grid, else community, else the street; by the kind of service.
create function stat_hours_add(h service_hours, sign int) returns void language plpgsql as $$
declare
  node uuid;
  path text;
begin
  if not h.volunteering then return; end if;
  select coalesce(v.grid_id, v.community_id) into node from volunteers v
  where v.user_id = h.user_id and v.street_id = h.street_id order by v.applied_at desc limit 1;
  node := coalesce(node, h.street_id);
  select n.path into path from area_nodes n where n.id = node;
  perform stat_add(h.street_id, node, path, h.source, h.served_on, 'volunteer_minutes', 0, sign * h.minutes);
  perform stat_add(h.street_id, node, path, h.source, h.served_on, 'volunteer_services', 0, sign);
end
$$;

create function stat_hours_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_hours_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform stat_hours_add(new, 1); end if;
  return null;
end
$$;

create trigger service_hours_stat after insert or delete or update on service_hours
for each row execute function stat_hours_follow();

-- Care visits on the due date they answered; the due dates still waiting for a visit on theirs
-- (missed once the date has passed).
create function stat_visit_add(v care_visits, sign int) returns void language plpgsql as $$
declare
  f care_files;
begin
  select * into f from care_files where id = v.file_id;
  perform stat_add(v.street_id, f.grid_id, f.location_path, '', v.due_date,
    case when v.on_time then 'care_on_time' else 'care_late' end, 0, sign);
end
$$;

create function stat_visit_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_visit_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform stat_visit_add(new, 1); end if;
  return null;
end
$$;

create trigger care_visits_stat after insert or delete or update on care_visits
for each row execute function stat_visit_follow();

create function stat_file_add(f care_files, sign int) returns void language plpgsql as $$
begin
  if f.status = 'active' then
    perform stat_add(f.street_id, f.grid_id, f.location_path, '', f.next_due_date, 'care_due_open', 0, sign);
  end if;
end
$$;

create function stat_file_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform stat_file_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform stat_file_add(new, 1); end if;
  return null;
end
$$;

create trigger care_files_stat_insert_delete after insert or delete on care_files
for each row execute function stat_file_follow();
create trigger care_files_stat_update after update on care_files
for each row when (old.status is distinct from new.status or old.next_due_date is distinct from new.next_due_date
  or old.grid_id is distinct from new.grid_id or old.location_path is distinct from new.location_path)
execute function stat_file_follow();

-- Recounts the figures from the source rows, for one street or (null) everywhere: the rebuild
-- command, and the first fill of the rows written before this migration.
create function stat_rebuild(street uuid) returns bigint language plpgsql as $$
declare
  n bigint;
begin
  delete from stat_daily_rollups where street is null or street_id = street;
  perform stat_case_add(c, 1) from cases c where street is null or c.street_id = street;
  perform stat_dispute_add(d, 1) from disputes d where street is null or d.street_id = street;
  perform stat_recovered_add(i.dispute_id, i.agreement_id, i.paid_fen) from dispute_instalments i
  where street is null or i.street_id = street;
  perform stat_hours_add(h, 1) from service_hours h where street is null or h.street_id = street;
  perform stat_visit_add(v, 1) from care_visits v where street is null or v.street_id = street;
  perform stat_file_add(f, 1) from care_files f where street is null or f.street_id = street;
  delete from stat_daily_rollups where value = 0 and (street is null or street_id = street);
  select count(*) into n from stat_daily_rollups where street is null or street_id = street;
  return n;
end
$$;

select stat_rebuild(null);

-- Monthly reports, produced on demand or by the job on the first working day of a month.
create table stat_reports (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  node_id uuid not null references area_nodes (id),
  month text not null check (month ~ '^\d{4}-\d{2}$'),
  lang text not null check (lang in ('zh-CN', 'en')),
  pdf bytea not null,
  xlsx bytea not null,
  produced_by uuid references users (id),
  produced_at timestamptz not null default now(),
  unique (node_id, month, lang)
);
create index stat_reports_street on stat_reports (street_id, month);

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array['stats.read', 'stats.report']),
  ('street_leader', array['stats.read', 'stats.report']),
  ('community_secretary', array['stats.read', 'stats.report']),
  ('community_staff', array['stats.read']),
  ('grid_worker', array['stats.read'])
) as grants (r, ps), unnest(ps) as p;
