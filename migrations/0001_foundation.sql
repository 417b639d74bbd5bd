-- Foundation: area hierarchy, residents, organisations, people, roles, sessions, audit, events.
-- Every row that belongs to a street carries street_id, so the data can later be distributed by street.

create table area_nodes (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  parent_id uuid references area_nodes (id),
  level text not null check (level in ('district', 'street', 'community', 'grid', 'building', 'unit', 'household')),
  name text not null check (length(name) between 1 and 100),
  code text not null check (length(code) between 1 and 40),
  -- materialised path of ids, '/<root>/.../<self>/', so a subtree is one prefix match
  path text not null unique,
  boundary jsonb,
  lon double precision,
  lat double precision,
  responsible_user_id uuid,
  estate_id uuid,
  floor_area_m2 numeric(10, 2),
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((level = 'district') = (parent_id is null))
);
create index area_nodes_parent on area_nodes (parent_id);
create index area_nodes_path on area_nodes (path text_pattern_ops);
create index area_nodes_street_level on area_nodes (street_id, level);
create unique index area_nodes_code_per_parent on area_nodes (coalesce(parent_id, id), code) where retired_at is null;

-- Bumped in the same transaction as any grid boundary change: point lookups in every instance compare it.
create table area_index_state (
  id int primary key check (id = 1),
  boundary_version bigint not null
);
insert into area_index_state (id, boundary_version) values (1, 1);

create table organisations (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  node_id uuid not null references area_nodes (id),
  kind text not null check (kind in ('street_department', 'property_company', 'owners_committee', 'social_organisation', 'co_building_unit')),
  name text not null check (length(name) between 1 and 100),
  code text not null check (length(code) between 1 and 40),
  contact_phone text,
  retired_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index organisations_code on organisations (street_id, code) where retired_at is null;
create index organisations_node on organisations (node_id);

-- Compounds (小区): a community's residential estates, each with the property company that manages it.
create table estates (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  community_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 100),
  property_company_id uuid references organisations (id),
  created_at timestamptz not null default now()
);
create index estates_community on estates (community_id);
create index estates_property_company on estates (property_company_id);
alter table area_nodes add constraint area_nodes_estate foreign key (estate_id) references estates (id);

create table residents (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  household_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 50),
  gender text check (gender in ('female', 'male')),
  birth_date date,
  phone text, -- personal data: masked unless the caller holds residents.read_sensitive
  id_number text, -- personal data: masked unless the caller holds residents.read_sensitive
  tags text[] not null default '{}',
  is_household_head boolean not null default false,
  moved_out_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index residents_household on residents (household_id);
create index residents_street_name on residents (street_id, name);
create unique index residents_id_number on residents (street_id, id_number) where id_number is not null and moved_out_at is null;

create table users (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  username text not null unique check (username ~ '^[a-z0-9_.-]{3,40}$'),
  display_name text not null check (length(display_name) between 1 and 50),
  password_hash text not null,
  phone text,
  resident_id uuid references residents (id),
  organisation_id uuid references organisations (id),
  failed_login_count int not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table area_nodes add constraint area_nodes_responsible foreign key (responsible_user_id) references users (id);

create table roles (
  code text primary key,
  -- where the role is held: at an area node, or at an organisation
  held_at text not null check (held_at in ('node', 'organisation'))
);

create table role_permissions (
  role text not null references roles (code),
  permission text not null check (permission ~ '^[a-z_]+\.[a-z_]+$'),
  primary key (role, permission)
);

create table role_assignments (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  user_id uuid not null references users (id),
  role text not null references roles (code),
  node_id uuid references area_nodes (id),
  organisation_id uuid references organisations (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  check ((node_id is null) <> (organisation_id is null))
);
create index role_assignments_user on role_assignments (user_id);
create unique index role_assignments_unique on role_assignments (user_id, role, coalesce(node_id, organisation_id));

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  street_id uuid,
  at timestamptz not null default now(),
  actor_user_id uuid,
  action text not null,
  subject_type text,
  subject_ids uuid[] not null default '{}',
  ip text,
  detail jsonb not null default '{}'
);
create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_user_id, at);

-- Every change of state writes one event in the same transaction; timelines and jobs read from here.
create table events (
  id bigint generated always as identity primary key,
  street_id uuid,
  entity_type text not null,
  entity_id uuid not null,
  type text not null,
  actor_user_id uuid,
  at timestamptz not null default now(),
  data jsonb not null default '{}'
);
create index events_entity on events (entity_type, entity_id, id);

insert into roles (code, held_at) values
  ('admin', 'node'),
  ('street_leader', 'node'),
  ('dept_handler', 'organisation'),
  ('community_secretary', 'node'),
  ('community_staff', 'node'),
  ('grid_worker', 'node'),
  ('building_leader', 'node'),
  ('property_handler', 'organisation'),
  ('mediator', 'node'),
  ('patrol_volunteer', 'node'),
  ('resident', 'node');

insert into role_permissions (role, permission)
select 'admin', p from unnest(array[
  'areas.read', 'areas.manage', 'residents.read', 'residents.read_sensitive', 'residents.manage',
  'organisations.read', 'organisations.manage', 'users.read', 'users.manage', 'audit.read'
]) as p
union all
select 'street_leader', p from unnest(array['areas.read', 'residents.read', 'organisations.read', 'users.read', 'audit.read']) as p
union all
select 'dept_handler', p from unnest(array['areas.read', 'organisations.read']) as p
union all
select 'community_secretary', p from unnest(array[
  'areas.read', 'residents.read', 'residents.read_sensitive', 'residents.manage', 'organisations.read', 'users.read'
]) as p
union all
select 'community_staff', p from unnest(array['areas.read', 'residents.read', 'residents.manage', 'organisations.read']) as p
union all
select 'grid_worker', p from unnest(array['areas.read', 'residents.read', 'residents.read_sensitive', 'residents.manage']) as p
union all
select 'building_leader', p from unnest(array['areas.read', 'residents.read']) as p
union all
select 'property_handler', p from unnest(array['areas.read', 'organisations.read']) as p
union all
select 'mediator', p from unnest(array['areas.read', 'residents.read', 'organisations.read']) as p
union all
select 'patrol_volunteer', p from unnest(array['areas.read']) as p
union all
select 'resident', p from unnest(array['areas.read']) as p;
