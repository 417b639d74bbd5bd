-- The working-day calendar: the national schedule of statutory holidays and make-up workdays,
-- each street's own overrides, and the years whose schedule is known (published).

-- street_id null: the national schedule; otherwise that street's override of the same date.
create table calendar_days (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  day date not null,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null check (length(name) between 1 and 100),
  source text not null check (source in ('package', 'admin')),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  constraint calendar_days_per_street unique nulls not distinct (street_id, day)
);
create index calendar_days_day on calendar_days (day);

-- A year listed here has its schedule entered in full; deadlines reaching into other years are provisional.
create table calendar_years (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  year int not null check (year between 2000 and 2100),
  published_at timestamptz not null default now(),
  source text not null check (source in ('package', 'admin')),
  published_by uuid references users (id),
  constraint calendar_years_per_street unique nulls not distinct (street_id, year)
);

-- Bumped in the same transaction as any calendar change: every instance's cached day tables compare it.
create table calendar_state (
  id int primary key check (id = 1),
  version bigint not null
);
insert into calendar_state (id, version) values (1, 1);

insert into role_permissions (role, permission)
select code, 'calendar.read' from roles
union all
select 'admin', 'calendar.manage';
