import { describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { serviceImageOf } from '../../../src/main/altegio/schemas';
import type { ServiceCopy } from '../../../src/main/altegio/manage-types';
import { isAppError } from '../../../src/shared/errors';

/**
 * GET /company/{id}/services/{service_id} is read by one client method with one parser: service edits
 * use the whole copy, service photos its `image_group` (issue 22). The description's schema is one
 * object, its example a list; both are read, and only the asked service counts.
 */
function clientAnswering(data: unknown) {
  const paths: string[] = [];
  const api = createAltegioClient({
    baseUrl: 'https://api.example',
    vendor: 'altegio',
    credentials: () => ({ partnerToken: 'p', userToken: 'u' }),
    retries: 0,
    fetch: async (input) => {
      paths.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return new Response(JSON.stringify({ success: true, data, meta: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { api, paths };
}

const imageOf = (copy: ServiceCopy) => serviceImageOf(copy);
const GROUP = { id: 9001, images: { basic: { path: 'https://assets.alteg.io/s/9001.jpg' } } };

describe('one read of a service', () => {
  it('the client has one method for it: the photo side no longer has its own', () => {
    const { api } = clientAnswering({});
    expect('serviceImage' in api).toBe(false);
    expect(typeof api.serviceCopy).toBe('function');
  });

  it('the list form: the asked service is found, and its image read from the same copy', async () => {
    const { api, paths } = clientAnswering([
      { id: 11, title: 'Other', image_group: [] },
      { id: 12, title: 'Gloss', price_min: 40, image_group: GROUP },
    ]);
    const copy = await api.serviceCopy(410001, 12);
    expect(copy).toMatchObject({ id: 12, title: 'Gloss', price_min: 40 });
    expect(imageOf(copy)).toEqual({ imageGroupId: 9001, url: 'https://assets.alteg.io/s/9001.jpg' });
    expect(paths).toEqual(['/company/410001/services/12']);
  });

  it('no photo is null; an answer about another service is NOT_FOUND, never someone else’s copy', async () => {
    const one = clientAnswering({ id: 12, title: 'Gloss', image_group: [] });
    expect(imageOf(await one.api.serviceCopy(410001, 12))).toBeNull();
    for (const data of [{ id: 13, title: 'Not asked' }, [{ id: 13, title: 'Not asked' }]]) {
      const e = await clientAnswering(data)
        .api.serviceCopy(410001, 12)
        .catch((x: unknown) => x);
      expect(isAppError(e) && e.code).toBe('NOT_FOUND');
    }
  });
});
