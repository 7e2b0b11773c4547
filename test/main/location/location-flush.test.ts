import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogRights } from '../../../src/main/altegio/manage-types';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createLocationDomain, type LocationDomain } from '../../../src/main/services/location';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

const MANAGER: CatalogRights = {
  settingsAccess: true,
  servicesAccess: false,
  createServices: false,
  editServices: false,
  categoriesAccess: false,
  basisAccess: true,
  informationAccess: true,
};

/**
 * The location card's flush must stay usable after a run that found nothing to send (the one every
 * sign-in starts): an edit queued offline afterwards is sent when the network returns (issue 22). The
 * kill -9 row for location edits found it stuck: nothing went until the app was started again.
 */
describe('location card: the outbox flush after an empty run', () => {
  let t: TestContext;
  let d: LocationDomain | null = null;
  afterEach(() => {
    d?.close?.();
    d = null;
    t?.close();
  });

  it('an edit queued offline after the sign-in’s empty flush is sent when the network comes back', async () => {
    const data = sampleSalon();
    data.locations.find((l) => l.company.id === NY)!.rights = MANAGER;
    const fake = new FakeAltegio(data);
    t = makeTestContext({ altegio: fake });
    recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
    d = createLocationDomain(t.ctx, { audit: () => undefined, location: () => null, tickMs: 3_600_000 });
    const card = await d.handlers['location.card']({ locationId: NY });
    // Sign-in: the session starts a flush, with nothing queued yet.
    d.onSession?.(true);
    await d.flush();

    const off = fake.failOn('locationCopy', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const item = await d.handlers['location.update']({
      locationId: NY,
      base: card.fields!,
      changes: { site: 'salon.example' },
    });
    expect(item.state).toBe('pending');
    off();
    t.ctx.events.emit('connectivity', { online: true, checkedAt: t.ctx.now().toISOString() });
    await d.flush();
    expect(fake.puts).toHaveLength(1);
    expect((await d.handlers['location.card']({ locationId: NY })).pending).toBeNull();
  });
});
