-- Idempotency keys of writes a client may retry (a case reported, a case action): a retry after a
-- lost answer (a dropped connection, a server killed mid-request) must find what the first attempt
-- did, never do it twice. The row is written in the same transaction as the write it stands for,
-- so a key exists exactly when its write committed.
create table idempotency_keys (
  -- whose key: 'user:<id>' for a signed-in person, 'api_key:<id>' for an outside system
  scope text not null,
  key text not null check (length(key) between 8 and 100),
  -- SHA-256 of the operation and the request body: the same key with another body is refused (409)
  request_hash text not null,
  operation text not null,
  street_id uuid references area_nodes (id),
  status int not null,
  -- what a replay answers with (the case's id and number), not the whole body: it is read afresh
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
