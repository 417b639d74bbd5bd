-- Volunteers and services: volunteers registered with skills, availability and area, approved into
-- teams (a Ping An Partner is linked, not copied); a configurable service menu whose items residents
-- request and the community matches to a volunteer; activities and courses with capacity, sign-up,
-- waitlist, sessions, QR check-in and a short report; service hours turned into points by rules on
-- an append-only ledger, spent at a points supermarket with stock; questionnaires with versions.

-- ---- volunteers ----

create table volunteer_teams (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  community_id uuid not null references area_nodes (id),
  name text not null check (length(name) between 1 and 60),
  leader_volunteer_id uuid,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index volunteer_teams_name on volunteer_teams (community_id, name) where retired_at is null;

create table volunteers (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  user_id uuid not null references users (id),
  community_id uuid not null references area_nodes (id),
  -- The grid within the community the volunteer prefers to serve; none means anywhere in it.
  grid_id uuid references area_nodes (id),
  skills text[] not null default '{}',
  availability text[] not null default '{}',
  note text check (length(note) <= 500),
  status text not null check (status in ('applied', 'approved', 'declined', 'left')),
  team_id uuid references volunteer_teams (id),
  -- A Ping An Partner is a volunteer too: the partner row is linked, its details are read from it.
  patrol_partner_id uuid unique references patrol_partners (id),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decline_reason text check (length(decline_reason) <= 500),
  applied_at timestamptz not null default now()
);
create unique index volunteers_current on volunteers (user_id) where status in ('applied', 'approved');
create index volunteers_community on volunteers (community_id, status);
create index volunteers_team on volunteers (team_id) where team_id is not null;
alter table volunteer_teams add constraint volunteer_teams_leader foreign key (leader_volunteer_id) references volunteers (id);

-- ---- points: rules, service hours, accounts and the append-only ledger ----

-- How an hour of each kind of service turns into points, from a date on; a street's own rule
-- overrides the shared one (street_id null). A new rule is a new row: past entries keep theirs.
create table points_rules (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  source text not null check (source in ('service_activity', 'service_request', 'course', 'event', 'manual')),
  points_per_hour int not null check (points_per_hour between 0 and 1000),
  -- Time is counted in whole units (30 minutes: 50 minutes count as 30), up to a cap per record.
  unit_minutes int not null check (unit_minutes between 1 and 240),
  max_minutes int not null check (max_minutes between 1 and 1440),
  -- Whether the hours count as volunteer service (a course attended does not).
  volunteering boolean not null,
  -- Points earned expire this many days later.
  valid_days int not null check (valid_days between 1 and 3650),
  valid_from date not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create unique index points_rules_version on points_rules (
  coalesce(street_id, '00000000-0000-0000-0000-000000000000'), source, valid_from
);

-- A person's points in a street, held at the node they belong to (their home, or their community).
create table points_accounts (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  user_id uuid not null references users (id),
  node_id uuid not null references area_nodes (id),
  path text not null,
  -- The sum of the entries, kept with each entry under a lock on this row; never below zero.
  balance int not null default 0 check (balance >= 0),
  entries int not null default 0 check (entries >= 0),
  -- The local date the expiry job last looked at this account: it looks once a day.
  expiry_checked_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (street_id, user_id)
);
create index points_accounts_path on points_accounts (path text_pattern_ops);

-- Time given or spent, once per source record and person: the hours of a profile, the base of points.
create table service_hours (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  user_id uuid not null references users (id),
  source text not null check (source in ('service_activity', 'service_request', 'course', 'event', 'manual')),
  source_id uuid,
  served_on date not null,
  minutes int not null check (minutes between 1 and 1440),
  volunteering boolean not null,
  note text check (length(note) <= 500),
  recorded_by uuid references users (id),
  created_at timestamptz not null default now()
);
create unique index service_hours_once on service_hours (source, source_id, user_id) where source_id is not null;
create index service_hours_user on service_hours (user_id, served_on);

create table points_goods (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  node_id uuid not null references area_nodes (id),
  kind text not null check (kind in ('goods', 'service')),
  name text not null check (length(name) between 1 and 60),
  description text check (length(description) <= 500),
  price int not null check (price between 1 and 100000),
  stock int not null check (stock >= 0),
  limit_per_person int check (limit_per_person between 1 and 100),
  retired_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index points_goods_street on points_goods (street_id) where retired_at is null;

create table points_redemptions (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  goods_id uuid not null references points_goods (id),
  account_id uuid not null references points_accounts (id),
  user_id uuid not null references users (id),
  -- Shown at the counter when collecting.
  code text not null check (code ~ '^[0-9]{6}$'),
  quantity int not null check (quantity between 1 and 20),
  points int not null check (points > 0),
  status text not null default 'placed' check (status in ('placed', 'collected', 'cancelled')),
  placed_at timestamptz not null default now(),
  collected_at timestamptz,
  collected_by uuid references users (id),
  cancelled_at timestamptz,
  cancel_reason text check (length(cancel_reason) <= 500)
);
create index points_redemptions_account on points_redemptions (account_id, placed_at);
create index points_redemptions_goods on points_redemptions (goods_id, status);

-- The ledger: entries are only ever appended. Each carries the balance after it, and its number
-- in the account, so the balance can always be recomputed and checked from the entries alone.
create table points_entries (
  id bigint generated always as identity primary key,
  street_id uuid not null references area_nodes (id),
  account_id uuid not null references points_accounts (id),
  seq int not null check (seq >= 1),
  kind text not null check (kind in ('earn', 'redeem', 'adjust', 'expire', 'refund')),
  points int not null check (points <> 0),
  balance_after int not null check (balance_after >= 0),
  hours_id uuid references service_hours (id),
  expires_on date,
  redemption_id uuid references points_redemptions (id),
  reason text check (length(reason) <= 500),
  actor_user_id uuid references users (id),
  at timestamptz not null default now(),
  unique (account_id, seq),
  check (kind <> 'earn' or (points > 0 and expires_on is not null)),
  check (kind <> 'redeem' or (points < 0 and redemption_id is not null)),
  check (kind <> 'refund' or (points > 0 and redemption_id is not null)),
  check (kind <> 'expire' or points < 0),
  check (kind <> 'adjust' or reason is not null)
);
create unique index points_entries_earned_once on points_entries (hours_id) where hours_id is not null;
create index points_entries_expiring on points_entries (expires_on) where kind = 'earn';

create function points_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'points entries are append-only: add an adjusting entry instead';
end $$;
create trigger points_entries_append_only before update or delete on points_entries
  for each statement execute function points_entries_append_only();

-- ---- the service menu and service requests ----

-- The menu is shared by every street (street_id null) unless a street adds its own.
create table service_categories (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_zh text not null check (length(name_zh) between 1 and 40),
  name_en text not null check (length(name_en) between 1 and 80),
  sort int not null default 0,
  retired_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index service_categories_code on service_categories (coalesce(street_id, '00000000-0000-0000-0000-000000000000'), code);

create table service_items (
  id uuid primary key default gen_random_uuid(),
  street_id uuid references area_nodes (id),
  category_id uuid not null references service_categories (id),
  code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_zh text not null check (length(name_zh) between 1 and 40),
  name_en text not null check (length(name_en) between 1 and 80),
  description_zh text not null default '' check (length(description_zh) <= 300),
  description_en text not null default '' check (length(description_en) <= 600),
  -- Skills a volunteer should bring: the first thing matching looks at.
  skills text[] not null default '{}',
  duration_minutes int not null default 60 check (duration_minutes between 10 and 1440),
  -- Working days from request to the service done.
  working_days int not null default 5 check (working_days between 1 and 60),
  sort int not null default 0,
  retired_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index service_items_code on service_items (coalesce(street_id, '00000000-0000-0000-0000-000000000000'), code);
create index service_items_category on service_items (category_id);

create table service_request_counters (
  street_id uuid not null references area_nodes (id),
  year int not null,
  last int not null,
  primary key (street_id, year)
);

create table service_requests (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  number text not null,
  item_id uuid not null references service_items (id),
  requester_user_id uuid not null references users (id),
  -- Where it is served: the requester's home (or their community), for scope.
  node_id uuid not null references area_nodes (id),
  path text not null,
  description text not null check (length(description) between 1 and 1000),
  address text check (length(address) <= 200),
  contact_phone text, -- personal data: masked unless the reader handles the request or serves it
  preferred_time text check (length(preferred_time) <= 100),
  state text not null check (state in ('requested', 'matched', 'in_service', 'completed', 'rated', 'cancelled', 'declined')),
  volunteer_id uuid references volunteers (id),
  matched_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  minutes_served int check (minutes_served between 1 and 1440),
  due_date date not null,
  due_at timestamptz not null,
  rating int check (rating between 1 and 5),
  rating_comment text check (length(rating_comment) <= 500),
  rated_at timestamptz,
  closing_reason text check (length(closing_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  unique (street_id, number)
);
create index service_requests_path on service_requests (path text_pattern_ops, created_at);
create index service_requests_requester on service_requests (requester_user_id, created_at);
create index service_requests_volunteer on service_requests (volunteer_id) where volunteer_id is not null;

-- ---- activities and courses ----

create table activities (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  -- The organising node (street or community): its residents see it, its staff run it.
  node_id uuid not null references area_nodes (id),
  path text not null,
  kind text not null check (kind in ('service', 'course', 'event')),
  title text not null check (length(title) between 1 and 80),
  description text not null default '' check (length(description) <= 3000),
  place text not null check (length(place) between 1 and 200),
  category_id uuid references service_categories (id),
  capacity int not null check (capacity between 1 and 10000),
  -- { "minAge": 60, "maxAge": null, "volunteersOnly": false, "skills": [], "residentsOnly": true }
  eligibility jsonb not null default '{}',
  signup_closes_at timestamptz,
  -- A course's weekly pattern: { "weekdays": [2], "start": "19:00", "end": "20:30", "firstDate": "...", "count": 8 }
  recurrence jsonb,
  state text not null check (state in ('draft', 'published', 'cancelled', 'finished')),
  report_summary text check (length(report_summary) <= 3000),
  reported_at timestamptz,
  reported_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index activities_path on activities (path text_pattern_ops);
create index activities_street on activities (street_id, state);

create table activity_sessions (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  activity_id uuid not null references activities (id),
  seq int not null check (seq >= 1),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- What the desk's QR code carries: a phone that opens the link checks in with it.
  checkin_code text not null check (length(checkin_code) between 16 and 64),
  -- Set by the one scheduler instance that sent the reminder.
  reminded_at timestamptz,
  cancelled_at timestamptz,
  unique (activity_id, seq),
  check (ends_at > starts_at)
);
create index activity_sessions_upcoming on activity_sessions (starts_at) where reminded_at is null and cancelled_at is null;

create table activity_signups (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  activity_id uuid not null references activities (id),
  user_id uuid not null references users (id),
  status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
  -- The waitlist is served in the order people signed up.
  signed_up_at timestamptz not null default now(),
  confirmed_at timestamptz,
  promoted boolean not null default false,
  cancelled_at timestamptz
);
create unique index activity_signups_current on activity_signups (activity_id, user_id) where status in ('confirmed', 'waitlisted');
create index activity_signups_activity on activity_signups (activity_id, status, signed_up_at);
create index activity_signups_user on activity_signups (user_id, signed_up_at);

create table activity_attendance (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  activity_id uuid not null references activities (id),
  session_id uuid not null references activity_sessions (id),
  user_id uuid not null references users (id),
  checked_in_at timestamptz not null,
  method text not null check (method in ('qr', 'desk')),
  recorded_by uuid references users (id),
  unique (session_id, user_id)
);
create index activity_attendance_activity on activity_attendance (activity_id);
create index activity_attendance_user on activity_attendance (user_id);

-- ---- questionnaires ----

create table questionnaires (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  -- Published to this area: its residents answer.
  node_id uuid not null references area_nodes (id),
  path text not null,
  answer_per text not null check (answer_per in ('resident', 'household')),
  state text not null check (state in ('draft', 'published', 'closed')),
  current_version int,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create index questionnaires_path on questionnaires (path text_pattern_ops);

create table questionnaire_versions (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  questionnaire_id uuid not null references questionnaires (id),
  version int not null check (version >= 1),
  title text not null check (length(title) between 1 and 100),
  intro text not null default '' check (length(intro) <= 2000),
  -- [{ "key": "q1", "kind": "single", "title": "...", "required": true, "options": [{ "key": "a", "label": "..." }] }]
  questions jsonb not null,
  change_note text check (length(change_note) <= 500),
  state text not null check (state in ('draft', 'published', 'superseded')),
  published_at timestamptz,
  published_by uuid references users (id),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  unique (questionnaire_id, version)
);
-- At most one version being drafted at a time.
create unique index questionnaire_versions_draft on questionnaire_versions (questionnaire_id) where state = 'draft';

create table questionnaire_responses (
  id uuid primary key default gen_random_uuid(),
  street_id uuid not null references area_nodes (id),
  questionnaire_id uuid not null references questionnaires (id),
  version_id uuid not null references questionnaire_versions (id),
  version int not null,
  user_id uuid not null references users (id),
  household_id uuid references area_nodes (id),
  -- The person, or their household when the questionnaire is answered once per household.
  respondent_key uuid not null,
  answers jsonb not null,
  submitted_at timestamptz not null default now(),
  unique (version_id, respondent_key)
);
create index questionnaire_responses_questionnaire on questionnaire_responses (questionnaire_id, version);

-- ---- the shared menu and points rules ----

insert into service_categories (code, name_zh, name_en, sort) values
  ('ELDER', '为老服务', 'Elder care', 1),
  ('HEALTH', '健康服务', 'Health', 2),
  ('LEGAL', '法律服务', 'Legal aid', 3),
  ('TUTOR', '学业辅导', 'Tutoring', 4),
  ('REPAIR', '便民维修', 'Repairs', 5),
  ('ENV', '环境美化', 'Environment', 6),
  ('CULTURE', '文化活动', 'Culture', 7),
  ('CHILD', '亲子托管', 'Children and parents', 8),
  ('SAFETY', '平安守护', 'Safety', 9),
  ('DISABLED', '助残服务', 'Disability support', 10),
  ('DIGITAL', '数字帮扶', 'Digital help', 11),
  ('CONVENIENCE', '便民服务', 'Everyday help', 12);

insert into service_items (category_id, code, name_zh, name_en, description_zh, description_en, skills, duration_minutes, working_days, sort)
select c.id, i.code, i.name_zh, i.name_en, i.description_zh, i.description_en, i.skills, i.duration_minutes, i.working_days, i.sort
from (values
  ('ELDER', 'ELDER_MEALS', '助餐送餐', 'Meal delivery', '为行动不便的老人从长者食堂送餐上门', 'Meals from the elderly canteen brought to those who cannot walk there', array['elder_care'], 60, 3, 1),
  ('ELDER', 'ELDER_VISIT', '上门陪伴', 'Home visits and company', '陪老人聊天、读报、散步', 'A chat, the newspaper read aloud, a walk together', array['elder_care', 'counselling'], 90, 5, 2),
  ('ELDER', 'ELDER_ERRANDS', '代购代办', 'Shopping and errands', '代买日用品、代取药品', 'Groceries bought and prescriptions collected', array['elder_care', 'driving'], 60, 3, 3),
  ('HEALTH', 'HEALTH_CHECK', '健康义诊', 'Health checks', '测血压血糖、健康咨询', 'Blood pressure and sugar measured, health questions answered', array['medical', 'first_aid'], 60, 5, 1),
  ('HEALTH', 'HEALTH_TCM', '中医理疗', 'Traditional Chinese medicine care', '推拿、艾灸等中医理疗进社区', 'Massage, moxibustion and other TCM care in the community', array['medical'], 60, 10, 2),
  ('HEALTH', 'HEALTH_COUNSEL', '心理疏导', 'Counselling', '倾听与情绪疏导', 'Someone to listen and help with worries', array['counselling'], 60, 5, 3),
  ('LEGAL', 'LEGAL_ADVICE', '法律咨询', 'Legal advice', '律师解答婚姻家庭、劳动、物业等法律问题', 'A lawyer answers questions on family, work, property and more', array['legal'], 60, 5, 1),
  ('LEGAL', 'LEGAL_MEDIATION', '调解协助', 'Help with mediation', '协助邻里矛盾调解', 'Help settling a disagreement between neighbours', array['mediation', 'legal'], 90, 5, 2),
  ('LEGAL', 'LEGAL_DOCS', '文书代写', 'Help with documents', '代写申请书、协议等文书', 'Applications, letters and agreements written with you', array['legal'], 60, 5, 3),
  ('TUTOR', 'TUTOR_HOMEWORK', '作业辅导', 'Homework help', '小学初中课后作业辅导', 'After-school homework help for primary and middle school', array['tutoring'], 90, 5, 1),
  ('TUTOR', 'TUTOR_CAMP', '假期成长营', 'Holiday growth camp', '寒暑假学习与成长活动', 'Learning and play in the school holidays', array['tutoring', 'childcare'], 180, 10, 2),
  ('REPAIR', 'REPAIR_APPLIANCE', '家电维修', 'Appliance repair', '小家电检测与维修', 'Small appliances checked and mended', array['appliance_repair', 'electrical'], 60, 5, 1),
  ('REPAIR', 'REPAIR_PLUMBING', '水电维修', 'Plumbing and wiring', '换水龙头、修电路等小修', 'Taps, sockets and other small jobs', array['plumbing', 'electrical'], 60, 3, 2),
  ('ENV', 'ENV_CLEANUP', '楼道清洁', 'Stairwell clean-up', '清理楼道杂物、小广告', 'Clutter and flyers cleared from stairwells', array['environment'], 120, 5, 1),
  ('ENV', 'ENV_SORTING', '垃圾分类指导', 'Waste sorting guidance', '垃圾分类宣传与桶边督导', 'Showing neighbours how to sort their waste', array['environment'], 120, 5, 2),
  ('ENV', 'ENV_GREEN', '绿化认养', 'Greening', '小区绿地认养与养护', 'Looking after a patch of the compound''s green', array['gardening', 'environment'], 120, 10, 3),
  ('CULTURE', 'CULTURE_SHOW', '文艺演出', 'Performances', '合唱、戏曲等文艺演出', 'Choirs, opera and other performances', array['performance'], 120, 10, 1),
  ('CULTURE', 'CULTURE_ARTS', '书画摄影', 'Calligraphy, painting and photography', '书法、绘画、摄影兴趣辅导', 'Calligraphy, painting and photography for beginners', array['arts', 'photography'], 120, 10, 2),
  ('CHILD', 'CHILD_AFTERSCHOOL', '四点半课堂', 'After-school care', '放学后看护与陪伴', 'Children looked after until their parents come home', array['childcare', 'tutoring'], 120, 5, 1),
  ('CHILD', 'CHILD_PARENTING', '育儿指导', 'Parenting guidance', '新手父母与隔代育儿指导', 'Advice for new parents and grandparents raising children', array['childcare', 'counselling'], 90, 10, 2),
  ('SAFETY', 'SAFETY_PATROL', '安全巡查', 'Safety patrols', '楼道、车棚等安全隐患排查', 'Stairwells, bike sheds and more checked for hazards', array['fire_safety', 'first_aid'], 120, 5, 1),
  ('SAFETY', 'SAFETY_FRAUD', '反诈宣传', 'Anti-fraud advice', '防电信诈骗讲解与手机设置', 'How phone scams work, and phones set up against them', array['digital', 'legal'], 60, 5, 2),
  ('SAFETY', 'SAFETY_FIRE', '家庭消防检查', 'Home fire-safety check', '检查家中电线、燃气与灭火器', 'Wiring, gas and the extinguisher checked at home', array['fire_safety', 'electrical'], 60, 5, 3),
  ('DISABLED', 'DISABLED_ESCORT', '助残出行', 'Outings for the disabled', '陪同就医、出行', 'Company to the doctor or into town', array['elder_care', 'driving', 'sign_language'], 120, 5, 1),
  ('DISABLED', 'DISABLED_REHAB', '康复辅助', 'Rehabilitation support', '居家康复训练协助', 'Help with rehabilitation exercises at home', array['medical', 'first_aid'], 60, 10, 2),
  ('DIGITAL', 'DIGITAL_PHONE', '智能手机教学', 'Smartphone help', '教老人用手机挂号、支付、视频通话', 'Booking a doctor, paying and video calls on a phone', array['digital'], 60, 5, 1),
  ('DIGITAL', 'DIGITAL_ONLINE', '网上办事代办', 'Online services', '协助网上办理社保、缴费等事项', 'Social insurance, bills and other business done online together', array['digital'], 60, 5, 2),
  ('CONVENIENCE', 'CONV_HAIRCUT', '义务理发', 'Free haircuts', '为老人、残疾人上门或定点理发', 'Haircuts at home or at the service station', array['haircut'], 45, 10, 1)
) as i (category_code, code, name_zh, name_en, description_zh, description_en, skills, duration_minutes, working_days, sort)
join service_categories c on c.code = i.category_code and c.street_id is null;

insert into points_rules (street_id, source, points_per_hour, unit_minutes, max_minutes, volunteering, valid_days, valid_from) values
  (null, 'service_activity', 10, 30, 480, true, 730, '2020-01-01'),
  (null, 'service_request', 12, 30, 480, true, 730, '2020-01-01'),
  (null, 'course', 5, 30, 240, false, 730, '2020-01-01'),
  (null, 'event', 5, 30, 240, false, 730, '2020-01-01'),
  (null, 'manual', 10, 30, 480, true, 730, '2020-01-01');

insert into role_permissions (role, permission)
select r, p from (values
  ('admin', array[
    'volunteers.read', 'volunteers.manage', 'services.read', 'services.manage', 'services.configure',
    'activities.read', 'activities.manage', 'points.read', 'points.manage', 'questionnaires.read', 'questionnaires.manage'
  ]),
  ('street_leader', array['volunteers.read', 'services.read', 'activities.read', 'points.read', 'questionnaires.read']),
  ('community_secretary', array[
    'volunteers.read', 'volunteers.manage', 'services.read', 'services.manage', 'activities.read', 'activities.manage',
    'points.read', 'points.manage', 'questionnaires.read', 'questionnaires.manage'
  ]),
  ('community_staff', array[
    'volunteers.read', 'volunteers.manage', 'services.read', 'services.manage', 'activities.read', 'activities.manage',
    'points.read', 'points.manage', 'questionnaires.read', 'questionnaires.manage'
  ]),
  ('grid_worker', array['volunteers.read', 'services.read', 'services.manage', 'activities.read', 'points.read', 'questionnaires.read'])
) as grants (r, ps), unnest(ps) as p;
