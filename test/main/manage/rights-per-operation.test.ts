import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogRights } from '../../../src/main/altegio/manage-types';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createManageDomain, type ManageDomain } from '../../../src/main/services/manage';
import { decide } from '../../../src/main/services/manage/rights';
import { isAppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

/**
 * Each operation is decided from its own right of GET /user/permissions (section `settings`): a person
 * Altegio lets edit services but not create them can edit, and only that (issue 22).
 */
const NONE: CatalogRights = {
  settingsAccess: false,
  servicesAccess: false,
  createServices: false,
  editServices: false,
  categoriesAccess: false,
};
const EDITOR: CatalogRights = { ...NONE, settingsAccess: true, servicesAccess: true, editServices: true };
const HAIRCUT = 83169;

describe('rights per operation', () => {
  it('decide: each operation from its own right, all under Settings → Services', () => {
    expect(decide(EDITOR)).toEqual({
      createCategory: false,
      createService: false,
      editService: true,
      retireService: false,
      servicePhoto: false,
    });
    expect(decide({ ...EDITOR, imageAccess: true, deleteServices: true })).toMatchObject({
      editService: true,
      retireService: true,
      servicePhoto: true,
    });
    expect(decide({ ...NONE, settingsAccess: true, servicesAccess: true, createServices: true })).toMatchObject({
      createService: true,
      createCategory: false,
      editService: false,
    });
    // Without the Services page nothing of it counts.
    expect(
      Object.values(
        decide({ ...EDITOR, servicesAccess: false, createServices: true, deleteServices: true, imageAccess: true }),
      ),
    ).toEqual([false, false, false, false, false]);
  });

  describe('an editor who may not create', () => {
    let t: TestContext;
    let domain: ManageDomain | null = null;
    afterEach(() => {
      domain?.close?.();
      domain = null;
      t?.close();
    });
    function open(rights: CatalogRights): { d: ManageDomain; fake: FakeAltegio } {
      const data = sampleSalon();
      data.locations.find((l) => l.company.id === NY)!.rights = rights;
      const fake = new FakeAltegio(data);
      t = makeTestContext({ altegio: fake });
      recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
      domain = createManageDomain(t.ctx, { audit: () => undefined, tickMs: 3_600_000 });
      return { d: domain, fake };
    }

    it('is not read-only: the edit is sent; creating and removing are refused with the rights sentence', async () => {
      const { d, fake } = open(EDITOR);
      const r = await d.handlers['manage.rights']({ locationId: NY });
      expect(r).toMatchObject({ readOnlyReason: null, editService: true, createService: false, retireService: false });
      const { fields: base } = await d.handlers['manage.openService']({ locationId: NY, serviceId: HAIRCUT });
      const item = await d.handlers['manage.updateService']({
        locationId: NY,
        serviceId: HAIRCUT,
        base,
        mine: { ...base, priceMin: base.priceMin - 5 },
      });
      expect(item.state).toBe('sent');
      expect(fake.updates).toHaveLength(1);
      for (const call of [
        () => d.handlers['manage.createCategory']({ locationId: NY, title: 'Nails', staffIds: [] }),
        () => d.handlers['manage.retireService']({ locationId: NY, serviceId: HAIRCUT, title: 'Haircut' }),
      ]) {
        const e = await Promise.resolve()
          .then(call)
          .catch((x: unknown) => x);
        expect(isAppError(e) && e.code).toBe('FORBIDDEN');
      }
      expect(d.handlers['manage.list']({ locationId: NY })).toHaveLength(1);
    });

    it('no service right at all: read-only with the reason', async () => {
      const { d } = open(NONE);
      expect(await d.handlers['manage.rights']({ locationId: NY })).toMatchObject({ readOnlyReason: 'no-rights' });
    });
  });
});
