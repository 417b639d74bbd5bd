-- Care for vulnerable residents: care files for special groups (elderly living alone, disabled,
-- people in difficulty, retired soldiers, left-behind children, seriously ill) kept on a resident
-- and their household; visit rules by group and risk as data; visit logs from the field app;
-- festival visit campaigns. The most sensitive personal data in the system: read only by the grid
-- worker of the household's grid and the community's staff and secretary, every read audited.

-- "Visit every <every> <unit>" for a group at a risk level. street_id null: the default every street
-- starts from; a street's own row stands before it.
create table care_visit_rules (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  care_group text not null check (care_group in ('elderly_alone', 'disabled', 'in_difficulty', 'retired_soldier', 'left_behind_child', 'seriously_ill')),
  risk_level text not null check (risk_level in ('low', 'medium', 'high')),
  every int not null check (every between 1 and 366),
  unit text not null check (unit in ('working_days', 'days', 'weeks', 'months')),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);
create unique index care_visit_rules_one on care_visit_rules (coalesce(street_id, '00000000-0000-0000-0000-000000000000'::uuid), care_group, risk_level);

insert into care_visit_rules (care_group, risk_level, every, unit) values
  ('elderly_alone', 'low', 1, 'weeks'),
  ('elderly_alone', 'medium', 1, 'weeks'),
  ('elderly_alone', 'high', 2, 'working_days'),
  ('disabled', 'low', 1, 'months'),
  ('disabled', 'medium', 2, 'weeks'),
  ('disabled', 'high', 1, 'weeks'),
  ('in_difficulty', 'low', 1, 'months'),
  ('in_difficulty', 'medium', 2, 'weeks'),
  ('in_difficulty', 'high', 1, 'weeks'),
  ('retired_soldier', 'low', 1, 'months'),
  ('retired_soldier', 'medium', 1, 'months'),
  ('retired_soldier', 'high', 2, 'weeks'),
  ('left_behind_child', 'low', 2, 'weeks'),
  ('left_behind_child', 'medium', 1, 'weeks'),
  ('left_behind_child', 'high', 3, 'working_days'),
  ('seriously_ill', 'low', 2, 'weeks'),
  ('seriously_ill', 'medium', 1, 'weeks'),
  ('seriously_ill', 'high', 2, 'working_days');

create table care_counters (
  street_id uuid not null references area_nodes (id),
  year int not null,
  last int not null,
  primary key (street_id, year)
);

create table care_files (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  resident_id uuid not null references residents (id),
  household_id uuid not null references area_nodes (id),
  grid_id uuid not null references area_nodes (id),
  community_id uuid not null references area_nodes (id),
  -- the household's path: who may read the file is decided by it
  location_path text not null,
  groups text[] not null check (cardinality(groups) >= 1
    and groups <@ array['elderly_alone', 'disabled', 'in_difficulty', 'retired_soldier', 'left_behind_child', 'seriously_ill']),
  risk_level text not null check (risk_level in ('low', 'medium', 'high')),
  risk_note text check (length(risk_note) <= 500),
  situation text check (length(situation) <= 2000),
  guardian_name text check (length(guardian_name) <= 50), -- personal data: an emergency contact
  guardian_phone text, -- personal data
  status text not null default 'active' check (status in ('active', 'closed')),
  close_reason text check (close_reason in ('moved_out', 'deceased', 'no_longer_eligible', 'other')),
  close_note text check (length(close_note) <= 500),
  opened_by uuid not null references users (id),
  opened_at timestamptz not null default now(),
  -- counting starts here until the first visit: the opening day, or the last visit on paper
  start_date date not null,
  last_visit_date date,
  next_due_date date,
  -- the due date whose miss was alerted, set by the one job instance that alerted it
  missed_alerted_for date,
  closed_at timestamptz,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  unique (street_id, number),
  check ((status = 'active') = (next_due_date is not null)),
  check ((status = 'closed') = (close_reason is not null))
);
create unique index care_files_resident on care_files (resident_id) where status = 'active';
create index care_files_location on care_files (location_path text_pattern_ops);
create index care_files_due on care_files (next_due_date) where status = 'active';

create table care_campaigns (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  -- the street or a community running it; its files are the targets
  node_id uuid not null references area_nodes (id),
  node_path text not null,
  name text not null check (length(name) between 1 and 80),
  festival text not null check (festival in ('spring_festival', 'lantern', 'dragon_boat', 'mid_autumn', 'double_ninth', 'army_day', 'other')),
  groups text[] not null check (cardinality(groups) >= 1
    and groups <@ array['elderly_alone', 'disabled', 'in_difficulty', 'retired_soldier', 'left_behind_child', 'seriously_ill']),
  starts_on date not null,
  ends_on date not null,
  note text check (length(note) <= 1000),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index care_campaigns_street on care_campaigns (street_id, ends_on);

create table care_visits (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  file_id uuid not null references care_files (id),
  -- the phone's own id for the visit: an upload retried after being offline is one visit
  client_id uuid not null unique,
  visited_at timestamptz not null,
  visit_date date not null,
  -- the due date the visit answered, and whether it came by then
  due_date date not null,
  on_time boolean not null,
  method text not null check (method in ('home', 'phone', 'other')),
  wellbeing text not null check (wellbeing in ('good', 'fair', 'poor')),
  observations text not null check (length(observations) between 1 and 2000),
  needs text[] not null default '{}',
  needs_note text check (length(needs_note) <= 1000),
  campaign_id uuid references care_campaigns (id),
  follow_up_case_id uuid references cases (id),
  visitor_user_id uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index care_visits_file on care_visits (file_id, visit_date);
create index care_visits_due on care_visits (street_id, due_date);
create index care_visits_campaign on care_visits (campaign_id) where campaign_id is not null;

-- Only the roles that visit read files; the street leader and administrators see figures without names.
insert into role_permissions (role, permission)
select r, p from (values
  ('grid_worker', array['care.read', 'care.manage', 'care.figures']),
  ('community_staff', array['care.read', 'care.manage', 'care.campaigns', 'care.figures']),
  ('community_secretary', array['care.read', 'care.manage', 'care.campaigns', 'care.figures']),
  ('street_leader', array['care.campaigns', 'care.figures']),
  ('admin', array['care.figures', 'care.rules', 'care.run_jobs'])
) as grants (r, ps), unnest(ps) as p;
