-- Patrols: "Ping An Partner" volunteers in teams walk planned rounds of compounds and buildings,
-- check in at each point, tick a checklist and report what they find. A finding becomes a case of
-- kind hazard; a rectification order sends it to the party that must fix it, with a deadline by
-- hazard level, and a re-inspection confirms the fix or sends it back.

create table patrol_teams (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  community_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 60),
  leader_user_id uuid references users (id),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index patrol_teams_name on patrol_teams (community_id, name) where retired_at is null;

create table patrol_partners (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  user_id uuid not null references users (id),
  community_id uuid not null references area_nodes (id),
  estate_id uuid references estates (id),
  skills text[] not null default '{}',
  availability text[] not null default '{}',
  note text check (length(note) <= 500),
  status text not null check (status in ('applied', 'approved', 'declined', 'left')),
  team_id uuid references patrol_teams (id),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decline_reason text check (length(decline_reason) <= 500),
  applied_at timestamptz not null default now()
);
-- One open application or membership per person; a declined person may apply again.
create unique index patrol_partners_current on patrol_partners (user_id) where status in ('applied', 'approved');
create index patrol_partners_community on patrol_partners (community_id, status);
create index patrol_partners_team on patrol_partners (team_id) where team_id is not null;

create table patrol_plans (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  community_id uuid not null references area_nodes (id),
  team_id uuid references patrol_teams (id),
  name text not null check (length(name) between 1 and 80),
  frequency text not null check (frequency in ('daily', 'weekly', 'nightly')),
  -- ISO weekdays (1 = Monday) for weekly plans.
  weekdays smallint[] not null default '{}',
  starts_on date not null,
  ends_on date,
  -- [{ "code": "fire_exits", "label": "消防通道畅通" }, ...]
  checklist jsonb not null default '[]',
  joint boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create index patrol_plans_community on patrol_plans (community_id) where retired_at is null;
create index patrol_plans_team on patrol_plans (team_id) where retired_at is null;

-- The organisations that join a joint inspection: police station, urban management, fire, property.
create table patrol_plan_organisations (
  plan_id uuid not null references patrol_plans (id),
  organisation_id uuid not null references organisations (id),
  primary key (plan_id, organisation_id)
);

create table patrol_points (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references patrol_plans (id),
  seq int not null,
  name text not null check (length(name) between 1 and 80),
  node_id uuid references area_nodes (id),
  lon double precision not null,
  lat double precision not null,
  unique (plan_id, seq)
);

-- A run is written by the phone that walked it, possibly long after, possibly more than once:
-- the phone's own ids make every write of the same run, check-in or finding land once.
create table patrol_runs (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null unique,
  street_id uuid not null references area_nodes (id),
  plan_id uuid not null references patrol_plans (id),
  team_id uuid references patrol_teams (id),
  run_date date not null,
  started_by uuid not null references users (id),
  started_at timestamptz not null,
  finished_at timestamptz,
  note text check (length(note) <= 1000),
  synced_at timestamptz not null default now()
);
create index patrol_runs_plan on patrol_runs (plan_id, run_date);
create index patrol_runs_started_by on patrol_runs (started_by, started_at);

create table patrol_checkins (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null unique,
  run_id uuid not null references patrol_runs (id),
  point_id uuid not null references patrol_points (id),
  at timestamptz not null,
  lon double precision,
  lat double precision,
  accuracy_m real,
  -- Metres from the point, worked out on the server from the position the phone gave.
  distance_m real,
  -- { "fire_exits": "ok" | "problem" | "na", ... }
  checklist jsonb not null default '{}',
  note text check (length(note) <= 500),
  unique (run_id, point_id)
);

create table patrol_findings (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null unique,
  run_id uuid not null references patrol_runs (id),
  point_id uuid references patrol_points (id),
  case_id uuid not null unique references cases (id),
  level text not null check (level in ('general', 'major')),
  created_at timestamptz not null
);
create index patrol_findings_run on patrol_findings (run_id);

-- A rectification order: who must fix the hazard, what, by when. A failed re-inspection issues
-- the next round.
create table hazard_orders (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  case_id uuid not null references cases (id),
  round int not null check (round >= 1),
  party_kind text not null check (party_kind in ('property', 'shop', 'owner', 'department', 'other')),
  organisation_id uuid references organisations (id),
  party_name text not null check (length(party_name) between 1 and 100),
  party_phone text,
  level text not null check (level in ('general', 'major')),
  requirement text not null check (length(requirement) between 1 and 1000),
  due_date date not null,
  issued_by uuid not null references users (id),
  issued_at timestamptz not null,
  unique (case_id, round)
);
create index hazard_orders_organisation on hazard_orders (organisation_id) where organisation_id is not null;

create table hazard_reinspections (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  case_id uuid not null references cases (id),
  order_id uuid references hazard_orders (id),
  result text not null check (result in ('rectified', 'not_rectified')),
  note text check (length(note) <= 1000),
  inspected_by uuid not null references users (id),
  inspected_at timestamptz not null
);
create index hazard_reinspections_case on hazard_reinspections (case_id, inspected_at);

-- When a hazard was confirmed fixed: the numerator of the rectification rate.
alter table cases add column rectified_at timestamptz;

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array['patrols.read', 'patrols.manage', 'hazards.order', 'hazards.reinspect']),
  ('street_leader', array['patrols.read']),
  ('community_secretary', array['patrols.read', 'patrols.manage', 'hazards.order', 'hazards.reinspect']),
  ('community_staff', array['patrols.read', 'patrols.manage', 'hazards.order', 'hazards.reinspect']),
  ('grid_worker', array['patrols.read', 'hazards.order', 'hazards.reinspect']),
  ('patrol_volunteer', array['patrols.run', 'hazards.reinspect'])
) as grants (r, ps), unnest(ps) as p;
