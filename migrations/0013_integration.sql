-- Integration: API keys for outside systems (Open311 clients, the city 12345 hotline), the cases
-- they hand over, the questions a category asks, signed webhooks from a durable outbox, and
-- imports of the population register.

-- A key is shown once when issued; only its SHA-256 is kept. Each key belongs to one street.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 100),
  -- what the key may do: 'open311' (post service requests), 'hotline' (hand over work orders)
  scopes text[] not null check (scopes <@ array['open311', 'hotline'] and cardinality(scopes) > 0),
  key_hash text not null unique,
  key_prefix text not null,
  rate_limit_per_minute int not null default 60 check (rate_limit_per_minute between 1 and 10000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references users (id)
);
create index api_keys_street on api_keys (street_id);

-- Requests counted per key and minute, shared by every instance.
create table api_key_usage (
  api_key_id uuid not null references api_keys (id),
  minute timestamptz not null,
  count int not null,
  primary key (api_key_id, minute)
);

-- Cases that came from an outside system: which key brought them, the system's own id (the
-- hotline's work-order number), the Open311 token and attributes, the media link.
create table external_cases (
  case_id uuid primary key references cases (id),
  street_id uuid not null references area_nodes (id),
  api_key_id uuid not null references api_keys (id),
  channel text not null check (channel in ('open311', 'hotline')),
  external_id text check (length(external_id) between 1 and 64),
  token uuid not null unique default gen_random_uuid(),
  attributes jsonb not null default '{}',
  media_url text check (length(media_url) <= 1000),
  -- Open311's email, device_id and account_id of the person submitting (personal data)
  requester jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create unique index external_cases_external_id on external_cases (street_id, channel, external_id) where external_id is not null;
create index external_cases_key on external_cases (api_key_id, created_at);

-- The extra questions a category asks (Open311 service definition attributes).
create table category_questions (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references case_categories (id),
  code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  variable boolean not null default true,
  datatype text not null check (datatype in ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required boolean not null default false,
  description_zh text not null check (length(description_zh) between 1 and 200),
  description_en text not null check (length(description_en) between 1 and 300),
  datatype_description_zh text,
  datatype_description_en text,
  sort int not null check (sort >= 1),
  -- [{ "key": "CORRIDOR", "zh": "楼道", "en": "Corridor" }] for the list datatypes
  choices jsonb not null default '[]',
  unique (category_id, code),
  unique (category_id, sort)
);

insert into category_questions (category_id, code, variable, datatype, required, description_zh, description_en,
                                datatype_description_zh, datatype_description_en, sort, choices)
select c.id, q.code, q.variable, q.datatype, q.required, q.zh, q.en, q.dzh, q.den, q.sort, q.choices::jsonb
from (values
  ('FIRE_EBIKE_CHARGING', 'NOTICE', false, 'text', false,
   '楼道、窗口飞线充电极易引发火灾，请勿靠近带电线路。', 'Charging through a cable from a corridor or window easily starts a fire: keep away from live cables.',
   null, null, 1, '[]'),
  ('FIRE_EBIKE_CHARGING', 'WHERE', true, 'singlevaluelist', true, '充电线从哪里拉出？', 'Where does the charging cable run from?',
   null, null, 2,
   '[{"key":"WINDOW","zh":"窗口","en":"A window"},{"key":"CORRIDOR","zh":"楼道","en":"A corridor or stairwell"},{"key":"GARAGE","zh":"车库","en":"A garage"},{"key":"OTHER","zh":"其他","en":"Elsewhere"}]'),
  ('FIRE_EBIKE_CHARGING', 'BIKES', true, 'number', false, '正在充电的电动车数量', 'How many e-bikes are charging',
   '整数', 'A whole number', 3, '[]'),
  ('FIRE_GAS', 'SMELL_NOW', true, 'singlevaluelist', true, '现在还能闻到燃气味吗？', 'Can you still smell gas now?',
   null, null, 1, '[{"key":"YES","zh":"能","en":"Yes"},{"key":"NO","zh":"不能","en":"No"}]'),
  ('PROPERTY_ELEVATOR', 'TRAPPED', true, 'singlevaluelist', true, '是否有人被困？', 'Is anyone trapped?',
   null, null, 1, '[{"key":"YES","zh":"有人被困","en":"Someone is trapped"},{"key":"NO","zh":"无人被困","en":"Nobody is trapped"}]'),
  ('PROPERTY_ELEVATOR', 'SINCE', true, 'datetime', false, '电梯从何时开始故障', 'Since when the elevator has been out of order',
   'ISO 8601 时间，如 2026-05-01T08:00:00+08:00', 'ISO 8601, e.g. 2026-05-01T08:00:00+08:00', 2, '[]'),
  ('ROAD_LIGHT', 'LIGHTS', true, 'number', true, '不亮的路灯有几盏？', 'How many street lights are out?',
   '整数', 'A whole number', 1, '[]'),
  ('ENV_GARBAGE', 'KINDS', true, 'multivaluelist', false, '未清运的垃圾种类', 'Which kinds of waste were not collected',
   null, null, 1,
   '[{"key":"KITCHEN","zh":"厨余垃圾","en":"Kitchen waste"},{"key":"RECYCLABLE","zh":"可回收物","en":"Recyclables"},{"key":"HAZARDOUS","zh":"有害垃圾","en":"Hazardous waste"},{"key":"OTHER","zh":"其他垃圾","en":"Other waste"}]')
) as q (category, code, variable, datatype, required, zh, en, dzh, den, sort, choices)
join case_categories c on c.code = q.category;

-- Webhook subscriptions of a street. The secret signs every delivery (HMAC-SHA256) and is shown
-- to the administrator when the subscription is made or its secret is rotated.
create table webhook_subscriptions (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 100),
  url text not null check (url ~ '^https?://' and length(url) <= 500),
  secret text not null,
  -- exact types ('case.closed'), a family ('case.*') or everything ('*')
  event_types text[] not null check (cardinality(event_types) between 1 and 50),
  -- only the cases brought in with this key (the hotline hears back about its own work orders)
  api_key_id uuid references api_keys (id),
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_subscriptions_street on webhook_subscriptions (street_id) where active;

-- The outbox: one row per event and subscription, written by a trigger in the event's own
-- transaction, so a committed event is always delivered and a rolled-back one never is.
-- event_id carries no foreign key: the demo's bulk load rebuilds the events' key afterwards.
create table webhook_deliveries (
  id bigint generated always as identity primary key,
  street_id uuid not null,
  subscription_id uuid not null references webhook_subscriptions (id),
  event_id bigint not null,
  event_type text not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- a worker holds a claimed delivery until then; a worker that died lets it go when it passes
  locked_until timestamptz,
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (subscription_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, id desc);

-- Every attempt, for the delivery log.
create table webhook_attempts (
  id bigint generated always as identity primary key,
  street_id uuid not null,
  delivery_id bigint not null references webhook_deliveries (id),
  attempt int not null,
  manual boolean not null default false,
  at timestamptz not null default now(),
  status_code int,
  error text,
  duration_ms int not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, id);

create function webhook_outbox_from_events() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from webhook_subscriptions where active) then
    return null;
  end if;
  insert into webhook_deliveries (street_id, subscription_id, event_id, event_type)
  select s.street_id, s.id, e.id, e.type
  from new_events e
  join webhook_subscriptions s on s.active and s.street_id = e.street_id
  where exists (
      select 1 from unnest(s.event_types) p
      where p = '*' or p = e.type or (right(p, 2) = '.*' and starts_with(e.type, left(p, -1))))
    and (s.api_key_id is null or exists (
      select 1 from external_cases x where x.case_id = e.entity_id and x.api_key_id = s.api_key_id));
  return null;
end $$;

create trigger events_webhook_outbox after insert on events
  referencing new table as new_events for each statement execute function webhook_outbox_from_events();

-- A register import: the uploaded file, its column mapping, the progress and the outcome.
create table register_imports (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  created_by uuid not null references users (id),
  file_name text not null check (length(file_name) between 1 and 200),
  file_hash text not null,
  format text not null check (format in ('xlsx', 'csv')),
  encoding text check (encoding in ('utf-8', 'gbk')),
  headers text[] not null default '{}',
  mapping jsonb,
  status text not null default 'uploaded' check (status in ('uploaded', 'validating', 'invalid', 'committing', 'committed', 'failed')),
  total_rows int not null default 0,
  processed_rows int not null default 0,
  error_count int not null default 0,
  -- [{ "row": 12, "column": "idNumber", "value": "...", "code": "ID_NUMBER_CHECKSUM" }], at most 10,000
  errors jsonb not null default '[]',
  inserted int not null default 0,
  updated int not null default 0,
  households_created int not null default 0,
  failure text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
create index register_imports_street on register_imports (street_id, created_at desc);

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array['integration.manage', 'imports.run']),
  ('street_leader', array['integration.read']),
  ('community_secretary', array['imports.run']),
  ('community_staff', array['imports.run'])
) as grants (r, ps), unnest(ps) as p;
