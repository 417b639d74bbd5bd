-- Daily case figures per grid and category, kept in the same transaction as every case event,
-- so that dashboards over a street or a city read a few thousand rows instead of every case.
create table case_daily_rollups (
  street_id uuid not null references area_nodes (id),
  community_id uuid references area_nodes (id),
  grid_id uuid not null references area_nodes (id),
  category_id uuid not null references case_categories (id),
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
  primary key (grid_id, category_id, day)
);
create index case_daily_rollups_street on case_daily_rollups (street_id, day);
create index case_daily_rollups_community on case_daily_rollups (community_id, day);
