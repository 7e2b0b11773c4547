import { afterEach, describe, expect, it } from 'vitest';
import { recordRights } from '../../../src/main/services/catalog/location-rights';
import { createManageDomain, type ManageDomain } from '../../../src/main/services/manage';
import { AppError } from '../../../src/shared/errors';
import { makeTestContext, type TestContext } from '../../support/context';
import { FakeAltegio } from '../../support/fake-altegio';
import { NY, sampleSalon } from '../../support/sample-salon';

/**
 * The catalogue outbox's flush must stay usable after a run that found nothing to send (the one every
 * sign-in starts): a change queued offline afterwards is sent when the network returns (issue 22).
 */
describe('manager mode: the outbox flush after an empty run', () => {
  let t: TestContext;
  let d: ManageDomain | null = null;
  afterEach(() => {
    d?.close?.();
    d = null;
    t?.close();
  });

  it('a change queued offline after an empty flush is sent by the next flush', async () => {
    const fake = new FakeAltegio(sampleSalon());
    t = makeTestContext({ altegio: fake });
    recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
    d = createManageDomain(t.ctx, { audit: () => undefined, tickMs: 3_600_000 });
    // Sign-in: the session starts a flush, with nothing queued yet.
    d.onSession?.(true);
    await d.flush();

    const off = fake.failOn('createCategory', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    const item = await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    expect(item.state).toBe('pending');
    off();
    t.clock.advance(60_000);
    await d.flush();
    expect(fake.count('createCategory')).toBe(2);
    expect(fake.created).toHaveLength(1);
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ state: 'sent' });
  });

  it('the network coming back sends what waited, after an empty run', async () => {
    const fake = new FakeAltegio(sampleSalon());
    t = makeTestContext({ altegio: fake });
    recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
    d = createManageDomain(t.ctx, { audit: () => undefined, tickMs: 3_600_000 });
    await d.flush();
    const off = fake.failOn('createCategory', new AppError('OFFLINE', 'Altegio cannot be reached.'));
    await d.handlers['manage.createCategory']({ locationId: NY, title: 'Brows', staffIds: [] });
    off();
    t.ctx.events.emit('connectivity', { online: true, checkedAt: t.ctx.now().toISOString() });
    await d.flush();
    expect(fake.created).toHaveLength(1);
    expect((await d.handlers['manage.list']({ locationId: NY }))[0]).toMatchObject({ state: 'sent' });
  });
});
