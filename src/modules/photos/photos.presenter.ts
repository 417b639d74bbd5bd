import type { z } from 'zod';
import type { PhotoRow } from './photos.repository.ts';
import type { photoSchema } from './photos.schemas.ts';

export type Photo = z.infer<typeof photoSchema>;

export function presentPhoto(row: Pick<PhotoRow, 'id' | 'width' | 'height' | 'content_type' | 'bytes'>): Photo {
  return {
    id: row.id,
    url: `/api/photos/${row.id}`,
    thumbnailUrl: `/api/photos/${row.id}/thumbnail`,
    width: row.width,
    height: row.height,
    contentType: row.content_type,
    bytes: row.bytes,
  };
}
