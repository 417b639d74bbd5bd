-- Resident deliberation: topics residents propose for their compound (estate) and walk through the
-- five steps (propose, grid discussion, conclusion, action, evaluation); the meetings that discuss
-- them (the monthly resident council, the weekly red-property discussion day with six parties,
-- ad-hoc ones) with agenda, invitations, QR sign-in, minutes and resolutions whose follow-up tasks
-- are cases; owner votes (one household one vote, by floor area where the rule says so); the fund
-- lines spent on them with receipt photos; and a public page per estate built from all of it.

create extension if not exists pg_trgm;

create table delib_counters (
  street_id uuid not null references area_nodes (id),
  kind text not null check (kind in ('topic', 'meeting', 'vote')),
  year int not null,
  last int not null,
  primary key (street_id, kind, year)
);

create table delib_topics (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  estate_id uuid not null references estates (id),
  community_id uuid not null references area_nodes (id),
  building_id uuid references area_nodes (id),
  -- the building's path, or the community's for an estate-wide topic: who may handle it follows from it
  location_path text not null,
  title text not null check (length(title) between 2 and 60),
  description text not null check (length(description) between 5 and 2000),
  -- character bigrams of title and description, spaced, so pg_trgm compares Chinese by its words
  search_text text not null,
  estimated_cost_fen bigint check (estimated_cost_fen between 0 and 100000000000),
  step text not null default 'proposed'
    check (step in ('proposed', 'discussing', 'concluded', 'acting', 'evaluating', 'closed', 'merged', 'declined')),
  proposed_via text not null check (proposed_via in ('resident', 'grid_worker', 'case')),
  proposer_user_id uuid not null references users (id),
  source_case_id uuid references cases (id),
  merged_into_id uuid references delib_topics (id),
  -- shown on the public page: a declined topic says why
  public_reason text check (length(public_reason) <= 500),
  conclusion text check (length(conclusion) <= 2000),
  action_plan text check (length(action_plan) <= 2000),
  action_party text check (length(action_party) <= 100),
  support_count int not null default 0,
  rating_count int not null default 0,
  rating_sum int not null default 0,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (street_id, number),
  check ((step = 'merged') = (merged_into_id is not null))
);
create index delib_topics_estate on delib_topics (estate_id, created_at desc);
create index delib_topics_location on delib_topics (location_path text_pattern_ops);
create index delib_topics_street_step on delib_topics (street_id, step, created_at desc);
create index delib_topics_search on delib_topics using gin (search_text gin_trgm_ops);

-- One support per person; the household is kept so a count of households can be read too.
create table delib_supports (
  topic_id uuid not null references delib_topics (id),
  user_id uuid not null references users (id),
  household_id uuid references area_nodes (id),
  created_at timestamptz not null default now(),
  primary key (topic_id, user_id)
);

create table delib_ratings (
  topic_id uuid not null references delib_topics (id),
  user_id uuid not null references users (id),
  score int not null check (score between 1 and 5),
  comment text check (length(comment) <= 500),
  created_at timestamptz not null default now(),
  primary key (topic_id, user_id)
);

create table delib_meetings (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  community_id uuid not null references area_nodes (id),
  estate_id uuid references estates (id),
  location_path text not null,
  kind text not null check (kind in ('council', 'property_day', 'ad_hoc')),
  title text not null check (length(title) between 2 and 80),
  starts_at timestamptz not null,
  place text not null check (length(place) between 1 and 100),
  status text not null default 'planned' check (status in ('planned', 'held', 'cancelled')),
  minutes text check (length(minutes) <= 10000),
  -- the secret the QR code on the meeting room's screen carries
  checkin_code text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (street_id, number)
);
create index delib_meetings_location on delib_meetings (location_path text_pattern_ops, starts_at desc);
create index delib_meetings_street on delib_meetings (street_id, starts_at desc);

create table delib_agenda_items (
  meeting_id uuid not null references delib_meetings (id),
  topic_id uuid not null references delib_topics (id),
  seq int not null,
  primary key (meeting_id, topic_id)
);
create index delib_agenda_topic on delib_agenda_items (topic_id);

-- The six parties of a discussion day; a council or ad-hoc meeting invites those it names.
create table delib_invitations (
  meeting_id uuid not null references delib_meetings (id),
  party text not null check (party in ('party_organisation', 'residents_committee', 'owners_committee',
    'property_company', 'street_department', 'residents_representative')),
  organisation_id uuid references organisations (id),
  primary key (meeting_id, party)
);

create table delib_attendance (
  meeting_id uuid not null references delib_meetings (id),
  user_id uuid not null references users (id),
  party text not null,
  method text not null check (method in ('qr', 'desk')),
  at timestamptz not null default now(),
  primary key (meeting_id, user_id)
);

create table delib_resolutions (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  meeting_id uuid not null references delib_meetings (id),
  topic_id uuid references delib_topics (id),
  text text not null check (length(text) between 2 and 1000),
  -- who must carry it out (a party, a company), as the minutes name them
  owner_party text not null check (length(owner_party) between 1 and 100),
  due_on date not null,
  -- the follow-up task, tracked as a case with its deadline and timeline
  case_id uuid references cases (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index delib_resolutions_meeting on delib_resolutions (meeting_id);
create index delib_resolutions_topic on delib_resolutions (topic_id);

create table delib_votes (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  topic_id uuid references delib_topics (id),
  estate_id uuid not null references estates (id),
  -- the owners concerned: one building's households, or the whole estate's
  building_id uuid references area_nodes (id),
  location_path text not null,
  title text not null check (length(title) between 2 and 80),
  weighting text not null check (weighting in ('household', 'household_and_area')),
  -- thresholds as exact fractions: two thirds is 2/3, not 66.67 %
  quorum_num int not null check (quorum_num >= 0),
  quorum_den int not null check (quorum_den > 0 and quorum_num <= quorum_den),
  pass_num int not null check (pass_num >= 0),
  pass_den int not null check (pass_den > 0 and pass_num <= pass_den),
  pass_base text not null check (pass_base in ('participating', 'electorate')),
  pass_strict boolean not null default false,
  -- the electorate frozen when the vote opens
  electorate_households int not null,
  electorate_area_cm2 bigint not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  result text check (result in ('passed', 'failed', 'no_quorum')),
  tally jsonb,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  unique (street_id, number),
  check (closes_at > opens_at)
);
create index delib_votes_estate on delib_votes (estate_id, opens_at desc);
create index delib_votes_location on delib_votes (location_path text_pattern_ops);

-- One household one ballot, online or on paper: the key itself refuses a second.
create table delib_ballots (
  vote_id uuid not null references delib_votes (id),
  household_id uuid not null references area_nodes (id),
  choice text not null check (choice in ('yes', 'no', 'abstain')),
  channel text not null check (channel in ('online', 'paper')),
  area_cm2 bigint not null,
  cast_by_user_id uuid not null references users (id),
  cast_at timestamptz not null default now(),
  primary key (vote_id, household_id)
);

create table delib_fund_lines (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  estate_id uuid not null references estates (id),
  location_path text not null,
  topic_id uuid references delib_topics (id),
  source text not null check (source in ('maintenance_fund', 'public_revenue', 'street_budget', 'property_company', 'owners', 'donation')),
  amount_fen bigint not null check (amount_fen > 0 and amount_fen <= 100000000000),
  spent_on text not null check (length(spent_on) between 2 and 200),
  paid_on date not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
create index delib_fund_lines_estate on delib_fund_lines (estate_id, paid_on desc);
create index delib_fund_lines_topic on delib_fund_lines (topic_id);

-- Follow-up tasks of resolutions come in as cases of their own sub-category.
insert into case_categories (parent_id, code, name_zh, name_en, kind, department_code, sort)
select id, 'PROPERTY_RESOLUTION', '议事决议落实', 'Deliberation resolution follow-up', kind, department_code, 9
from case_categories where code = 'PROPERTY';

insert into role_permissions (role, permission)
select r, p from (values
  ('resident', array['deliberation.propose', 'deliberation.vote']),
  ('building_leader', array['deliberation.propose', 'deliberation.read']),
  ('grid_worker', array['deliberation.propose', 'deliberation.read', 'deliberation.manage']),
  ('community_staff', array['deliberation.propose', 'deliberation.read', 'deliberation.manage', 'deliberation.funds']),
  ('community_secretary', array['deliberation.propose', 'deliberation.read', 'deliberation.manage', 'deliberation.funds']),
  ('street_leader', array['deliberation.read', 'deliberation.manage', 'deliberation.funds']),
  ('admin', array['deliberation.read'])
) as grants (r, ps), unnest(ps) as p;
