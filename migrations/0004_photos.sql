-- Photos attached to cases, patrol findings and the like. The bytes live in the file store by
-- content hash (re-encoded, metadata stripped); this table holds who may see them and where they belong.
create table photos (
  id uuid primary key default gen_random_uuid(),
  -- null until attached when the uploader holds no street (anonymous reporters, district staff)
  street_id uuid references area_nodes (id),
  uploaded_by uuid references users (id),
  -- anonymous uploads: the hash of the token the reporter presents to see and attach the photo
  upload_token_hash text,
  entity_type text check (entity_type ~ '^[a-z_]{1,40}$'),
  entity_id uuid,
  attached_at timestamptz,
  content_key text not null check (content_key ~ '^[0-9a-f]{64}$'),
  thumbnail_key text not null check (thumbnail_key ~ '^[0-9a-f]{64}$'),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  width int not null check (width > 0),
  height int not null check (height > 0),
  bytes int not null check (bytes > 0),
  created_at timestamptz not null default now(),
  check ((uploaded_by is null) <> (upload_token_hash is null) or entity_id is not null),
  check ((entity_type is null) = (entity_id is null) and (entity_id is null) = (attached_at is null))
);
create index photos_entity on photos (entity_type, entity_id, attached_at) where entity_id is not null;
create index photos_uploaded_by on photos (uploaded_by, created_at) where uploaded_by is not null;
