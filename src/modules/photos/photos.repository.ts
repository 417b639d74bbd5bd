import type { ColumnType, Generated, Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface PhotosTable {
  id: Generated<string>;
  street_id: string | null;
  uploaded_by: string | null;
  upload_token_hash: string | null;
  entity_type: string | null;
  entity_id: string | null;
  attached_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  content_key: string;
  thumbnail_key: string;
  content_type: string;
  width: number;
  height: number;
  bytes: number;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The photos table joined onto the shared schema; only this module reads or writes it. */
const photos = (db: Kysely<DB>) => db.$extendTables<{ photos: PhotosTable }>();

const columns = [
  'id',
  'street_id',
  'uploaded_by',
  'upload_token_hash',
  'entity_type',
  'entity_id',
  'content_key',
  'thumbnail_key',
  'content_type',
  'width',
  'height',
  'bytes',
] as const;

export async function insertPhoto(db: Kysely<DB>, values: Insertable<PhotosTable>): Promise<string> {
  const { id } = await photos(db).insertInto('photos').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findPhoto(db: Kysely<DB>, id: string) {
  return photos(db).selectFrom('photos').select(columns).where('id', '=', id).executeTakeFirst();
}

export type PhotoRow = NonNullable<Awaited<ReturnType<typeof findPhoto>>>;

/** Locks the rows until the caller's transaction ends, so two cases cannot both take one photo. */
export function lockPhotos(trx: Kysely<DB>, ids: string[]): Promise<PhotoRow[]> {
  return photos(trx).selectFrom('photos').select(columns).where('id', 'in', ids).forUpdate().execute();
}

export async function attach(
  trx: Kysely<DB>,
  ids: string[],
  target: { entityType: string; entityId: string; streetId: string | null },
): Promise<void> {
  await photos(trx)
    .updateTable('photos')
    .set({
      entity_type: target.entityType,
      entity_id: target.entityId,
      street_id: target.streetId,
      attached_at: new Date(),
      // The token's only uses were seeing and attaching the unattached photo: both are over.
      upload_token_hash: null,
    })
    .where('id', 'in', ids)
    .execute();
}

export function listForEntity(db: Kysely<DB>, entityType: string, entityId: string): Promise<PhotoRow[]> {
  return photos(db)
    .selectFrom('photos')
    .select(columns)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('attached_at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
