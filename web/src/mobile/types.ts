/**
 * API shapes the phone app needs beyond web/src/shared/types.ts, taken type-only from the
 * server's schemas the same way (nothing of the server reaches the bundle).
 */
import type { z } from 'zod';
import type { placeSchema } from '../../../src/modules/areas/places.routes.ts';
import type { anonymousPhotoSchema, photoSchema } from '../../../src/modules/photos/photos.schemas.ts';
import type { Json } from '../shared/types.ts';

export type Place = Json<z.infer<typeof placeSchema>>;
export type Photo = Json<z.infer<typeof photoSchema>>;
export type AnonymousPhoto = Json<z.infer<typeof anonymousPhotoSchema>>;

/** GET /api/notifications items (the route keeps its schema to itself). */
export interface AppNotification {
  id: string;
  kind: string;
  caseId: string | null;
  data: {
    number?: string;
    title?: string;
    dueDate?: string;
    rating?: number;
    intoNumber?: string;
    note?: string | null;
    // a missed care visit: the file and the masked name
    fileId?: string;
    name?: string;
  };
  createdAt: string;
  readAt: string | null;
}
