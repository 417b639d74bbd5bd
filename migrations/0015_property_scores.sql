-- Property service evaluation (物业服务评价): the monthly review of the "red property discussion
-- day", versioned weights and grade bands, monthly scorecards per property company and estate,
-- and the company's credit grade (信用等级) per month with its rank.

-- Who configures the weights: the housing department, a role held at that organisation.
insert into roles (code, held_at) values ('housing_officer', 'organisation');

-- One review per company, estate and month ("a regular meeting every week and a review every
-- month"). meeting_id points at a deliberation meeting once that module records them; no key, so
-- neither module depends on the other's migration.
create table property_reviews (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  company_id uuid not null references organisations (id),
  estate_id uuid not null references estates (id),
  month date not null check (extract(day from month) = 1),
  held_on date not null,
  meeting_id uuid,
  -- [{ party, scores: { criterion: 0-100 } }]: each party present scores each criterion
  scores jsonb not null,
  comments text check (length(comments) <= 2000),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (company_id, estate_id, month)
);
create index property_reviews_street_month on property_reviews (street_id, month);

-- Weights and grade bands. A version applies from its month on; street_id null is the default of
-- every street until its housing department sets its own. Never updated: a change is a new version.
create table property_score_weights (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  version int not null check (version >= 1),
  effective_from date not null check (extract(day from effective_from) = 1),
  -- { review, complaints, handling, rectification, ratings }: whole numbers summing to 100
  weights jsonb not null,
  -- { A, B, C }: the lowest score of each grade; below C is D
  bands jsonb not null,
  note text check (length(note) <= 500),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create unique index property_score_weights_version on property_score_weights (
  coalesce(street_id, '00000000-0000-0000-0000-000000000000'), version
);
insert into property_score_weights (street_id, version, effective_from, weights, bands, note) values (
  null, 1, date '2000-01-01',
  '{"review": 40, "complaints": 10, "handling": 15, "rectification": 20, "ratings": 15}',
  '{"A": 85, "B": 75, "C": 60}',
  'default'
);

-- A company's card for one estate and month: the inputs as counted, each component's score, the
-- total and grade under the weights version it was computed with.
create table property_scorecards (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  company_id uuid not null references organisations (id),
  estate_id uuid not null references estates (id),
  community_id uuid not null references area_nodes (id),
  month date not null check (extract(day from month) = 1),
  weights_id uuid not null references property_score_weights (id),
  inputs jsonb not null,
  components jsonb not null,
  score numeric(5, 1) not null,
  grade text not null check (grade in ('A', 'B', 'C', 'D')),
  computed_at timestamptz not null default now(),
  unique (company_id, estate_id, month)
);
create index property_scorecards_street_month on property_scorecards (street_id, month);

-- The company's credit grade of a month: the mean of its estates' cards, and its rank in the street.
create table property_company_grades (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  company_id uuid not null references organisations (id),
  month date not null check (extract(day from month) = 1),
  weights_id uuid not null references property_score_weights (id),
  score numeric(5, 1) not null,
  grade text not null check (grade in ('A', 'B', 'C', 'D')),
  rank int not null check (rank >= 1),
  estates int not null check (estates >= 1),
  computed_at timestamptz not null default now(),
  unique (company_id, month)
);
create index property_company_grades_street_month on property_company_grades (street_id, month);

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array['property_scores.read', 'property_scores.review', 'property_scores.configure', 'property_scores.compute']),
  ('housing_officer', array['areas.read', 'organisations.read', 'property_scores.read', 'property_scores.configure', 'property_scores.compute']),
  ('street_leader', array['property_scores.read', 'property_scores.review', 'property_scores.compute']),
  ('community_secretary', array['property_scores.read', 'property_scores.review']),
  ('community_staff', array['property_scores.read', 'property_scores.review']),
  ('property_handler', array['property_scores.read_own'])
) as grants (r, ps), unnest(ps) as p;
