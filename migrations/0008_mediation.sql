-- Dispute mediation: studios at a node with named mediators and opening schedules, where residents
-- book consultation slots; dispute files handled at three levels (grid, community, street) with
-- parties, risk, sessions, an outcome, a versioned agreement with a performance schedule, and the
-- follow-up of each instalment.

create table mediators (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  node_id uuid not null references area_nodes (id),
  -- A staff mediator is a user; an outside lawyer, retired judge or volunteer may be a name only.
  user_id uuid references users (id),
  name text not null check (length(name) between 1 and 50),
  kind text not null check (kind in ('staff', 'lawyer', 'retired_judge', 'volunteer')),
  phone text,
  affiliation text check (length(affiliation) <= 100),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index mediators_user on mediators (node_id, user_id) where user_id is not null and retired_at is null;

create table mediation_studios (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  node_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 80),
  address text not null check (length(address) between 1 and 200),
  -- [{ "weekday": 4, "start": "14:00", "end": "17:00", "slotMinutes": 30, "capacity": 1, "mediatorId": null }]
  schedule jsonb not null default '[]',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index mediation_studios_name on mediation_studios (node_id, name) where retired_at is null;

create table mediation_studio_mediators (
  studio_id uuid not null references mediation_studios (id),
  mediator_id uuid not null references mediators (id),
  primary key (studio_id, mediator_id)
);

create table mediation_bookings (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  studio_id uuid not null references mediation_studios (id),
  slot_start timestamptz not null,
  slot_end timestamptz not null,
  user_id uuid not null references users (id),
  topic text not null check (length(topic) between 1 and 500),
  status text not null default 'booked' check (status in ('booked', 'cancelled')),
  created_at timestamptz not null default now(),
  cancelled_at timestamptz
);
-- One booking per person per slot; the slot's capacity is checked under a lock on the studio.
create unique index mediation_bookings_once on mediation_bookings (studio_id, slot_start, user_id) where status = 'booked';
create index mediation_bookings_slot on mediation_bookings (studio_id, slot_start) where status = 'booked';

create table dispute_counters (
  street_id uuid not null references area_nodes (id),
  year int not null,
  last int not null,
  primary key (street_id, year)
);

create table disputes (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  -- Where the dispute arose (scope of reading) and the node of the level handling it (scope of managing).
  node_id uuid not null references area_nodes (id),
  location_path text not null,
  handling_node_id uuid not null references area_nodes (id),
  handling_path text not null,
  level text not null check (level in ('grid', 'community', 'street')),
  source text not null check (source in ('case', 'walk_in', 'referral')),
  case_id uuid references cases (id),
  referred_by text check (length(referred_by) <= 100),
  type text not null check (type in ('neighbour', 'property', 'labour_wage', 'marriage_family', 'compensation', 'land_relocation', 'other')),
  title text not null check (length(title) between 1 and 100),
  facts text not null check (length(facts) between 1 and 5000),
  people_involved int not null check (people_involved >= 1),
  amount_fen bigint not null default 0 check (amount_fen >= 0),
  risk_level text not null check (risk_level in ('low', 'medium', 'high')),
  risk_reasons text[] not null default '{}',
  state text not null check (state in ('opened', 'in_mediation', 'agreement', 'partial_agreement', 'failed', 'withdrawn', 'following_up', 'closed', 'reopened')),
  outcome text check (outcome in ('agreement', 'partial_agreement', 'failed', 'withdrawn')),
  referral text check (referral in ('court', 'arbitration', 'legal_aid')),
  mediator_id uuid references mediators (id),
  studio_id uuid references mediation_studios (id),
  opened_by uuid not null references users (id),
  opened_at timestamptz not null default now(),
  outcome_at timestamptz,
  closed_at timestamptz,
  version int not null default 1,
  updated_at timestamptz not null default now(),
  unique (street_id, number),
  check ((source = 'case') = (case_id is not null)),
  check (referral is null or outcome = 'failed')
);
create unique index disputes_case on disputes (case_id) where case_id is not null;
create index disputes_location on disputes (location_path text_pattern_ops);
create index disputes_open on disputes (street_id, opened_at);

create table dispute_parties (
  id uuid primary key default gen_random_uuid(),
  dispute_id uuid not null references disputes (id),
  seq int not null,
  side text not null check (side in ('applicant', 'respondent', 'third_party')),
  kind text not null check (kind in ('person', 'organisation')),
  name text not null check (length(name) between 1 and 100),
  phone text, -- personal data: masked unless the caller holds mediation.read
  id_number text, -- personal data: an ID card or, for an organisation, its credit code; masked likewise
  address text check (length(address) <= 200),
  user_id uuid references users (id),
  unique (dispute_id, seq)
);

create table dispute_sessions (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  dispute_id uuid not null references disputes (id),
  studio_id uuid references mediation_studios (id),
  place text check (length(place) <= 200),
  scheduled_at timestamptz not null,
  mediator_ids uuid[] not null default '{}',
  status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled')),
  held_at timestamptz,
  attendees text[] not null default '{}',
  notes text check (length(notes) <= 5000),
  next_steps text check (length(next_steps) <= 2000),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index dispute_sessions_dispute on dispute_sessions (dispute_id, scheduled_at);
create index dispute_sessions_calendar on dispute_sessions (street_id, scheduled_at);

create table dispute_agreements (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  dispute_id uuid not null references disputes (id),
  version int not null check (version >= 1),
  facts text not null check (length(facts) between 1 and 5000),
  -- ["乙方于2026年3月31日前赔偿甲方损失12000元", ...]
  terms jsonb not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  unique (dispute_id, version)
);

create table dispute_instalments (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  agreement_id uuid not null references dispute_agreements (id),
  dispute_id uuid not null references disputes (id),
  seq int not null,
  due_date date not null,
  amount_fen bigint not null check (amount_fen >= 0),
  what text not null check (length(what) between 1 and 200),
  status text not null default 'pending' check (status in ('pending', 'paid', 'partly', 'not_paid')),
  paid_fen bigint not null default 0 check (paid_fen >= 0),
  checked_by uuid references users (id),
  checked_at timestamptz,
  check_note text check (length(check_note) <= 1000),
  -- Set by the one job instance that sent the reminder: each is sent once.
  due_reminded_at timestamptz,
  overdue_reminded_at timestamptz,
  unique (agreement_id, seq)
);
create index dispute_instalments_pending on dispute_instalments (due_date) where status = 'pending';
create index dispute_instalments_dispute on dispute_instalments (dispute_id);

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array['mediation.read', 'mediation.manage']),
  ('mediator', array['mediation.read', 'mediation.manage']),
  ('community_secretary', array['mediation.read', 'mediation.manage']),
  ('community_staff', array['mediation.read', 'mediation.manage']),
  ('grid_worker', array['mediation.read', 'mediation.manage']),
  ('street_leader', array['mediation.read'])
) as grants (r, ps), unnest(ps) as p;
