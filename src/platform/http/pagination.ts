import { z } from 'zod';
import { badRequest } from './errors.ts';

/** Keyset pagination: `?limit=&cursor=` in, `{ items, nextCursor }` out. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
};

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('INVALID_CURSOR', 'The cursor is not one this server handed out.', 'cursor');
  }
}

/** Rows were fetched with limit + 1: the extra one tells whether another page exists. */
export function toPage<Row, Item>(rows: Row[], limit: number, present: (row: Row) => Item, cursorOf: (row: Row) => unknown) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor:
      rows.length > limit && last !== undefined ? Buffer.from(JSON.stringify(cursorOf(last))).toString('base64url') : null,
  };
}

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
