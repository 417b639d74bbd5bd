-- Privacy: how long a street keeps the personal data of cases that are over, and the mark the
-- anonymisation job leaves on a case it has cleaned. The figures (category, grid, dates, state,
-- rating) stay; the reporter's name and phone, the Open311 requester, and phone or ID numbers
-- written into free text go.
create table privacy_retention (
  street_id uuid primary key references area_nodes (id),
  -- months after a case is closed, rejected or merged before its personal data is removed
  closed_case_months int not null check (closed_case_months between 1 and 120),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);

alter table cases add column anonymised_at timestamptz;
create index cases_retention on cases (street_id, coalesce(closed_at, updated_at))
  where anonymised_at is null and state in ('closed', 'rejected', 'duplicate');

insert into role_permissions (role, permission) values
  ('admin', 'privacy.retention'),
  ('street_leader', 'privacy.retention');
