// Images: POST /api/media, GET /media/<sha256>.<ext> (docs/api.md).

import type { MediaType } from "../library/media-type";

export type { MediaType };

/** POST /api/media: 201. */
export interface StoredMedia {
  id: string;
  type: MediaType;
  size: number;
  url: string;
}
