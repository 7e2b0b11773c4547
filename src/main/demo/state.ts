import type { IncomingHttpHeaders } from 'node:http';
import type { AuthInfo } from './auth-check';
import { companyFail, DemoHttpError, fail, type DemoResponse } from './responses';
import type { DemoDataset, DemoLocation } from './types';

export interface ReceivedUpload {
  entity: string;
  /** Every text field of the form (master_id, company_id, …). */
  fields: Record<string, string>;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  imageGroupId: number;
  staffId: number | null;
  /** The service the image was bound to (POST /images/service with company_id and service_id). */
  serviceId?: number | null;
}

export interface Received {
  uploads: ReceivedUpload[];
  /** image_group_id of every DELETE /images/{entity}. */
  deletes: number[];
}

export interface StoredFile {
  bytes: Buffer;
  type: string;
}

/** Everything the handlers share: the data, what was received, uploaded files. */
export interface DemoState {
  dataset: DemoDataset;
  received: Received;
  /** Uploaded pictures by server path. */
  files: Map<string, StoredFile>;
  /** Image groups that exist (seed photos and uploads), so deletes can answer 404 for unknown ones. */
  imageGroups: Set<number>;
  nextImageGroupId: number;
  now: () => Date;
}

export interface DemoRequest {
  method: string;
  url: URL;
  /** Path under the API base (/api/v1), e.g. /staff/410001. */
  path: string;
  params: (string | undefined)[];
  headers: IncomingHttpHeaders;
  auth: AuthInfo;
  /** http://127.0.0.1:PORT — pictures are served from here. */
  origin: string;
  /** The body as a WHATWG Request, for formData() and json(). */
  request(): Promise<Request>;
}

export type Handler = (req: DemoRequest, state: DemoState) => DemoResponse | Promise<DemoResponse>;

/** The location by id, checking the signed-in user may see it. */
export function locationOf(
  req: DemoRequest,
  state: DemoState,
  raw: string | undefined,
  opts: { companyStyle?: boolean } = {},
): DemoLocation {
  const id = Number(raw);
  const location = state.dataset.locations.find((l) => l.company.id === id);
  if (!location)
    throw new DemoHttpError(opts.companyStyle ? companyFail(404, 'Not found') : fail(404, 'Location not found.'));
  const allowed = req.auth.user?.locationIds;
  if (allowed && !allowed.includes(id))
    throw new DemoHttpError(opts.companyStyle ? companyFail(403, 'Access denied.') : fail(403, 'Not enough rights'));
  return location;
}

export function queryNumber(req: DemoRequest, ...names: string[]): number | undefined {
  for (const n of names) {
    const v = req.url.searchParams.get(n);
    if (v !== null && v !== '') return Number(v);
  }
  return undefined;
}
