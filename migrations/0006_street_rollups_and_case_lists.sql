-- Daily case figures per street, the sums of the grid rollups of migrations/0005: a dashboard over a
-- street or the whole city for a year reads a few hundred or a few tens of thousands of rows instead
-- of the grid rollups' millions. A trigger keeps the sums, so whatever writes the grid rollups (the
-- live code, the rebuild, a bulk load) moves them in the same transaction.
create table case_street_daily_rollups (
  street_id uuid not null references area_nodes (id),
  day date not null,
  received int not null default 0,
  contact_required int not null default 0,
  contacted_on_time int not null default 0,
  resolved int not null default 0,
  resolved_on_time int not null default 0,
  solved_grid int not null default 0,
  solved_community int not null default 0,
  solved_department int not null default 0,
  solved_district int not null default 0,
  reopened int not null default 0,
  escalated int not null default 0,
  urged int not null default 0,
  went_overdue int not null default 0,
  rejected int not null default 0,
  merged int not null default 0,
  rated int not null default 0,
  rating_sum int not null default 0,
  satisfied int not null default 0,
  unrated_closed int not null default 0,
  primary key (street_id, day)
);

insert into case_street_daily_rollups (street_id, day, received, contact_required, contacted_on_time, resolved, resolved_on_time, solved_grid, solved_community, solved_department, solved_district, reopened, escalated, urged, went_overdue, rejected, merged, rated, rating_sum, satisfied, unrated_closed)
select street_id, day, sum(received), sum(contact_required), sum(contacted_on_time), sum(resolved), sum(resolved_on_time), sum(solved_grid), sum(solved_community), sum(solved_department), sum(solved_district), sum(reopened), sum(escalated), sum(urged), sum(went_overdue), sum(rejected), sum(merged), sum(rated), sum(rating_sum), sum(satisfied), sum(unrated_closed)
from case_daily_rollups group by street_id, day;

-- Adds one grid row's figures, times sign, to its street's row of the day.
create function case_street_daily_rollups_add(g case_daily_rollups, sign int) returns void language sql as $$
  insert into case_street_daily_rollups as s (street_id, day, received, contact_required, contacted_on_time, resolved, resolved_on_time, solved_grid, solved_community, solved_department, solved_district, reopened, escalated, urged, went_overdue, rejected, merged, rated, rating_sum, satisfied, unrated_closed)
  values (g.street_id, g.day, sign * g.received, sign * g.contact_required, sign * g.contacted_on_time, sign * g.resolved, sign * g.resolved_on_time, sign * g.solved_grid, sign * g.solved_community, sign * g.solved_department, sign * g.solved_district, sign * g.reopened, sign * g.escalated, sign * g.urged, sign * g.went_overdue, sign * g.rejected, sign * g.merged, sign * g.rated, sign * g.rating_sum, sign * g.satisfied, sign * g.unrated_closed)
  on conflict (street_id, day) do update set
    received = s.received + excluded.received,
    contact_required = s.contact_required + excluded.contact_required,
    contacted_on_time = s.contacted_on_time + excluded.contacted_on_time,
    resolved = s.resolved + excluded.resolved,
    resolved_on_time = s.resolved_on_time + excluded.resolved_on_time,
    solved_grid = s.solved_grid + excluded.solved_grid,
    solved_community = s.solved_community + excluded.solved_community,
    solved_department = s.solved_department + excluded.solved_department,
    solved_district = s.solved_district + excluded.solved_district,
    reopened = s.reopened + excluded.reopened,
    escalated = s.escalated + excluded.escalated,
    urged = s.urged + excluded.urged,
    went_overdue = s.went_overdue + excluded.went_overdue,
    rejected = s.rejected + excluded.rejected,
    merged = s.merged + excluded.merged,
    rated = s.rated + excluded.rated,
    rating_sum = s.rating_sum + excluded.rating_sum,
    satisfied = s.satisfied + excluded.satisfied,
    unrated_closed = s.unrated_closed + excluded.unrated_closed;
$$;

create function case_street_daily_rollups_follow() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then perform case_street_daily_rollups_add(old, -1); end if;
  if tg_op <> 'DELETE' then perform case_street_daily_rollups_add(new, 1); end if;
  return null;
end
$$;

create trigger case_daily_rollups_to_street after insert or update or delete on case_daily_rollups
for each row execute function case_street_daily_rollups_follow();

-- Every writer locks the street's row of the day before the grid's: a transaction that moves many
-- grids of a street (a deadline job's batch) and one that moves one grid (an intake) then queue on
-- the street row instead of each holding a row the other waits for.
create function case_street_daily_rollups_lock() returns trigger language plpgsql as $$
declare
  target case_daily_rollups;
begin
  if tg_op = 'DELETE' then target := old; else target := new; end if;
  insert into case_street_daily_rollups (street_id, day) values (target.street_id, target.day)
  on conflict (street_id, day) do nothing;
  perform 1 from case_street_daily_rollups where street_id = target.street_id and day = target.day for update;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end
$$;

create trigger case_daily_rollups_street_first before insert or update or delete on case_daily_rollups
for each row execute function case_street_daily_rollups_lock();

create function case_street_daily_rollups_empty() returns trigger language plpgsql as $$
begin
  truncate case_street_daily_rollups;
  return null;
end
$$;

create trigger case_daily_rollups_truncated after truncate on case_daily_rollups
for each statement execute function case_street_daily_rollups_empty();

-- Case lists read each way a person may see a case through its own index, in the list's order
-- (case-list.repository.ts), most of them without touching the table: their areas by path and date,
-- their assignments and reports, their organisations' cases. Open cases (a few in a hundred) have a
-- small index of their own for inboxes and overdue lists.
drop index cases_location;
drop index cases_reporter;
create index cases_location_created on cases (location_path text_pattern_ops, created_at, id);
create index cases_reporter_created on cases (reporter_user_id, created_at, id);
create index cases_id_created on cases (id) include (created_at);
-- Newest first over a whole street or the city (a leader's or an administrator's list): walked backwards, read until a page is full.
create index cases_newest on cases (created_at, id);
create index cases_active_location on cases (location_path text_pattern_ops, due_at)
  where state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned');
create index cases_active_id on cases (id)
  where state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned');
create index cases_assignee_created on cases (assignee_user_id, created_at, id) where assignee_user_id is not null;
create index cases_org_created on cases (assignee_org_id, created_at, id) where assignee_org_id is not null;
create index case_org_access_organisation on case_org_access (organisation_id, case_id);
create index case_followers_source on case_followers (source_case_id);

-- Whom to tell about a case: the roles held at the nodes its path runs through (case-view.ts).
create index role_assignments_node on role_assignments (node_id) where node_id is not null;
