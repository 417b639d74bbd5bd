-- The case core: categories, deadline policies, cases, contacts with the reporter, notifications (any module may notify).
-- A case's timeline is its rows in `events` (entity_type 'case'), written in the same transaction as each change.

create table case_categories (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references case_categories (id),
  code text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_zh text not null check (length(name_zh) between 1 and 40),
  name_en text not null check (length(name_en) between 1 and 80),
  kind text not null default 'demand' check (kind in ('demand', 'complaint', 'hazard', 'incident')),
  -- the street department that usually takes such cases when they leave the community
  department_code text,
  sort int not null default 0,
  retired_at timestamptz,
  created_at timestamptz not null default now()
);
create index case_categories_parent on case_categories (parent_id);

-- Working days to act, per tier and (optionally) category; a street may override the national default.
create table deadline_policies (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  tier text not null check (tier in ('grid', 'community', 'department', 'district')),
  category_id uuid references case_categories (id),
  working_days int not null check (working_days between 0 and 60),
  kind text not null check (kind in ('handle', 'answer', 'explain')),
  warn_hours int not null default 24 check (warn_hours between 0 and 720),
  updated_at timestamptz not null default now()
);
create unique index deadline_policies_unique on deadline_policies (
  coalesce(street_id, '00000000-0000-0000-0000-000000000000'), tier, coalesce(category_id, '00000000-0000-0000-0000-000000000000')
);

-- How soon the handler must first contact the reporter, per priority: elapsed hours or working days.
create table response_policies (
  priority text primary key check (priority in ('low', 'normal', 'high', 'urgent')),
  hours int check (hours > 0),
  working_days int check (working_days >= 0),
  check ((hours is null) <> (working_days is null))
);

create table case_counters (
  street_id uuid not null references area_nodes (id),
  year int not null,
  last int not null,
  primary key (street_id, year)
);

create table cases (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  tracking_hash text not null unique,
  source text not null check (source in ('resident', 'patrol', 'hotline', 'walk_in', 'staff')),
  kind text not null check (kind in ('demand', 'complaint', 'hazard', 'incident')),
  category_id uuid not null references case_categories (id),
  title text not null check (length(title) between 1 and 100),
  description text not null check (length(description) between 1 and 5000),
  priority text not null check (priority in ('low', 'normal', 'high', 'urgent')),
  state text not null check (state in (
    'reported', 'accepted', 'assigned', 'in_progress', 'resolved', 'evaluated', 'closed',
    'rejected', 'duplicate', 'returned', 'escalated', 'suspended')),
  -- where: a point and/or a building or address; the grid comes from the point or the building
  lon double precision,
  lat double precision,
  address text check (length(address) <= 200),
  building_id uuid references area_nodes (id),
  grid_id uuid references area_nodes (id),
  community_id uuid references area_nodes (id),
  location_path text not null,
  -- who reported: an account, and/or contact details (personal data, masked by role)
  reporter_user_id uuid references users (id),
  reporter_name text check (length(reporter_name) <= 50),
  reporter_phone text,
  anonymous boolean not null default false,
  -- who acts now
  tier text not null check (tier in ('grid', 'community', 'department', 'district')),
  assignee_user_id uuid references users (id),
  assignee_org_id uuid references organisations (id),
  -- the deadline of the current tier, in working days of the street's calendar
  deadline_kind text check (deadline_kind in ('handle', 'answer', 'explain')),
  -- when the current deadline's count began and over how many working days, to recount it when
  -- a holiday schedule changes (a provisional deadline once the year's schedule is published)
  deadline_started_at timestamptz,
  deadline_working_days int,
  due_at timestamptz,
  due_date date,
  due_provisional boolean not null default false,
  warn_at timestamptz,
  warned_at timestamptz,
  overdue_at timestamptz,
  ever_overdue boolean not null default false,
  response_due_at timestamptz,
  first_contact_at timestamptz,
  response_overdue_at timestamptz,
  suspended_from text,
  remaining_working_days int,
  resolved_at timestamptz,
  rating_reminded_at timestamptz,
  resolution text,
  solved_tier text check (solved_tier in ('grid', 'community', 'department', 'district')),
  rating int check (rating between 1 and 5),
  rating_comment text check (length(rating_comment) <= 1000),
  rated_at timestamptz,
  closed_at timestamptz,
  close_reason text check (close_reason in ('rated', 'not_rated', 'closed_by_staff')),
  reject_reason text,
  merged_into uuid references cases (id),
  returned_count int not null default 0,
  escalation_count int not null default 0,
  urge_count int not null default 0,
  idempotency_scope text,
  idempotency_key text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (street_id, number)
);
create unique index cases_idempotency on cases (idempotency_scope, idempotency_key) where idempotency_key is not null;
create index cases_location on cases (location_path text_pattern_ops, state);
create index cases_grid_due on cases (grid_id, due_at) where closed_at is null;
create index cases_org_due on cases (assignee_org_id, due_at) where closed_at is null;
create index cases_assignee_due on cases (assignee_user_id, due_at) where closed_at is null;
create index cases_reporter on cases (reporter_user_id, created_at);
create index cases_warn on cases (warn_at) where warned_at is null;
create index cases_due on cases (due_at) where overdue_at is null;
create index cases_response_due on cases (response_due_at) where first_contact_at is null and response_overdue_at is null;
create index cases_resolved on cases (resolved_at) where state = 'resolved';
create index cases_overdue_running on cases (location_path text_pattern_ops) where overdue_at is not null and closed_at is null;
create index cases_created on cases (street_id, created_at);

-- Organisations that have held a case keep seeing it after it moves on.
create table case_org_access (
  case_id uuid not null references cases (id),
  organisation_id uuid not null references organisations (id),
  primary key (case_id, organisation_id)
);

-- Reporters of merged duplicates follow the surviving case.
create table case_followers (
  case_id uuid not null references cases (id),
  source_case_id uuid not null references cases (id),
  primary key (case_id, source_case_id)
);

create table case_contacts (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  case_id uuid not null references cases (id),
  by_user_id uuid not null references users (id),
  channel text not null check (channel in ('call', 'visit', 'message')),
  note text not null check (length(note) between 1 and 2000),
  at timestamptz not null default now()
);
create index case_contacts_case on case_contacts (case_id, at);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  street_id uuid,
  user_id uuid not null references users (id),
  kind text not null,
  case_id uuid references cases (id),
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_user on notifications (user_id, created_at desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Random per installation: tracking codes are an HMAC of the case id under this key.
create table server_secrets (
  name text primary key,
  value text not null
);
insert into server_secrets (name, value)
values ('tracking', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'));

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array['cases.read', 'cases.create', 'cases.accept', 'cases.assign', 'cases.handle', 'cases.escalate', 'cases.reject',
                  'cases.merge', 'cases.return', 'cases.urge', 'cases.suspend', 'cases.close', 'cases.read_contact',
                  'categories.manage', 'deadlines.manage']),
  ('street_leader', array['cases.read', 'cases.create', 'cases.urge', 'cases.return', 'cases.close']),
  ('dept_handler', array['cases.read', 'cases.accept', 'cases.handle', 'cases.escalate', 'cases.suspend', 'cases.read_contact']),
  ('community_secretary', array['cases.read', 'cases.create', 'cases.accept', 'cases.assign', 'cases.handle', 'cases.escalate',
                                'cases.reject', 'cases.merge', 'cases.return', 'cases.urge', 'cases.suspend', 'cases.close',
                                'cases.read_contact']),
  ('community_staff', array['cases.read', 'cases.create', 'cases.accept', 'cases.assign', 'cases.handle', 'cases.escalate',
                            'cases.reject', 'cases.merge', 'cases.return', 'cases.urge', 'cases.suspend', 'cases.close',
                            'cases.read_contact']),
  ('grid_worker', array['cases.read', 'cases.create', 'cases.accept', 'cases.assign', 'cases.handle', 'cases.escalate',
                        'cases.reject', 'cases.merge', 'cases.suspend', 'cases.read_contact']),
  ('building_leader', array['cases.create']),
  ('property_handler', array['cases.read', 'cases.accept', 'cases.handle']),
  ('mediator', array['cases.read']),
  ('patrol_volunteer', array['cases.create']),
  ('resident', array['cases.create'])
) as grants (r, ps), unnest(ps) as p;

insert into deadline_policies (tier, working_days, kind, warn_hours) values
  ('grid', 5, 'handle', 24),
  ('community', 5, 'handle', 24),
  ('department', 5, 'answer', 24),
  ('district', 10, 'explain', 48);

insert into response_policies (priority, hours, working_days) values
  ('urgent', 2, null),
  ('high', 4, null),
  ('normal', null, 1),
  ('low', null, 1);

-- The street's kinds of case: an editable two-level taxonomy.
insert into case_categories (code, name_zh, name_en, kind, department_code, sort) values
  ('ENV', '环境卫生', 'Environment and sanitation', 'complaint', 'URBAN_MGMT', 1),
  ('BUILD', '违法建设', 'Illegal construction', 'complaint', 'URBAN_MGMT', 2),
  ('PROPERTY', '物业服务', 'Property service', 'complaint', null, 3),
  ('NOISE', '噪声扰民', 'Noise', 'complaint', 'ECOLOGY', 4),
  ('FIRE', '消防安全', 'Fire safety and e-bike charging', 'hazard', 'EMERGENCY', 5),
  ('ROAD', '道路设施', 'Roads and facilities', 'demand', 'URBAN_MGMT', 6),
  ('NEIGHBOUR', '邻里纠纷', 'Neighbour disputes', 'demand', 'JUDICIAL', 7),
  ('ORDER', '治安秩序', 'Public order', 'incident', 'POLICE', 8),
  ('ASSIST', '社会救助', 'Social assistance', 'demand', 'CIVIL', 9),
  ('MARKET', '市场监管', 'Market supervision', 'complaint', 'MARKET', 10),
  ('OTHER', '其他', 'Other', 'demand', null, 11);
insert into case_categories (parent_id, code, name_zh, name_en, kind, department_code, sort)
select p.id, c.code, c.name_zh, c.name_en, p.kind, p.department_code, c.sort from (values
  ('ENV', 'ENV_GARBAGE', '垃圾清运', 'Garbage collection', 1),
  ('ENV', 'ENV_DUMPING', '乱扔乱堆', 'Littering and dumping', 2),
  ('ENV', 'ENV_SEWAGE', '污水外溢', 'Sewage overflow', 3),
  ('ENV', 'ENV_GREENERY', '绿化维护', 'Greenery upkeep', 4),
  ('BUILD', 'BUILD_EXTENSION', '违章搭建', 'Illegal extension', 1),
  ('BUILD', 'BUILD_ROOFTOP', '楼顶加盖', 'Rooftop structure', 2),
  ('BUILD', 'BUILD_OCCUPY', '占用公共空间', 'Occupying public space', 3),
  ('PROPERTY', 'PROPERTY_ELEVATOR', '电梯故障', 'Elevator fault', 1),
  ('PROPERTY', 'PROPERTY_LEAK', '房屋渗漏', 'Leaks in the building', 2),
  ('PROPERTY', 'PROPERTY_SECURITY', '门禁安保', 'Access control and security', 3),
  ('PROPERTY', 'PROPERTY_FEE', '物业收费', 'Property fees', 4),
  ('PROPERTY', 'PROPERTY_PARKING', '停车管理', 'Parking management', 5),
  ('NOISE', 'NOISE_CONSTRUCTION', '施工噪声', 'Construction noise', 1),
  ('NOISE', 'NOISE_BUSINESS', '商铺噪声', 'Noise from shops', 2),
  ('NOISE', 'NOISE_NEIGHBOUR', '邻里噪声', 'Noise from neighbours', 3),
  ('FIRE', 'FIRE_EBIKE_CHARGING', '电动车飞线充电', 'E-bike "flying line" charging', 1),
  ('FIRE', 'FIRE_EBIKE_INDOOR', '电动车入户', 'E-bike kept indoors', 2),
  ('FIRE', 'FIRE_EXIT_BLOCKED', '消防通道堵塞', 'Blocked fire exit', 3),
  ('FIRE', 'FIRE_EQUIPMENT', '消防设施损坏', 'Broken fire equipment', 4),
  ('FIRE', 'FIRE_GAS', '燃气隐患', 'Gas hazard', 5),
  ('ROAD', 'ROAD_DAMAGE', '路面破损', 'Damaged road surface', 1),
  ('ROAD', 'ROAD_LIGHT', '路灯不亮', 'Street light out', 2),
  ('ROAD', 'ROAD_MANHOLE', '井盖缺失', 'Missing manhole cover', 3),
  ('ROAD', 'ROAD_FACILITY', '公共设施损坏', 'Damaged public facility', 4),
  ('NEIGHBOUR', 'NEIGHBOUR_LEAK', '漏水纠纷', 'Water leak dispute', 1),
  ('NEIGHBOUR', 'NEIGHBOUR_PARKING', '停车纠纷', 'Parking dispute', 2),
  ('NEIGHBOUR', 'NEIGHBOUR_PETS', '宠物扰民', 'Pets', 3),
  ('NEIGHBOUR', 'NEIGHBOUR_OTHER', '其他邻里纠纷', 'Other neighbour dispute', 4),
  ('ORDER', 'ORDER_SAFETY', '治安隐患', 'Security risk', 1),
  ('ORDER', 'ORDER_STALL', '占道经营', 'Street stalls', 2),
  ('ORDER', 'ORDER_GROUP_RENTAL', '群租房', 'Overcrowded rental', 3),
  ('ORDER', 'ORDER_FRAUD', '诈骗线索', 'Fraud lead', 4),
  ('ASSIST', 'ASSIST_ELDERLY', '老人帮扶', 'Help for the elderly', 1),
  ('ASSIST', 'ASSIST_HARDSHIP', '困难救助', 'Hardship relief', 2),
  ('ASSIST', 'ASSIST_DISABILITY', '残疾人服务', 'Services for the disabled', 3),
  ('ASSIST', 'ASSIST_POLICY', '政策咨询', 'Policy enquiry', 4),
  ('MARKET', 'MARKET_FOOD', '食品安全', 'Food safety', 1),
  ('MARKET', 'MARKET_PRICE', '价格欺诈', 'Price fraud', 2),
  ('OTHER', 'OTHER_SUGGESTION', '意见建议', 'Suggestion', 1),
  ('OTHER', 'OTHER_MISC', '其他事项', 'Other matter', 2)
) as c (parent_code, code, name_zh, name_en, sort) join case_categories p on p.code = c.parent_code;

-- A charging hazard is a fire waiting to happen: the grid has two working days, not five.
insert into deadline_policies (tier, category_id, working_days, kind, warn_hours)
select 'grid', id, 2, 'handle', 12 from case_categories where code in ('FIRE_EBIKE_CHARGING', 'FIRE_GAS');
