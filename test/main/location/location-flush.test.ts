import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { LOCATION_MANAGER_RIGHTS, useFakeLocationDesk } from '../../support/manage-desk';
import { NY } from '../../support/sample-salon';

/**
 * The location card's flush must stay usable after a run that found nothing to send (the one every
 * sign-in starts): an edit queued offline afterwards is sent when the network returns (issue 22). The
 * kill -9 row for location edits found it stuck: nothing went until the app was started again.
 */
describe('location card: the outbox flush after an empty run', () => {
  const desk = useFakeLocationDesk();

  it('an edit queued offline after the sign-in’s empty flush is sent when the network comes back', async () => {
    const { fake, d } = desk.open(LOCATION_MANAGER_RIGHTS);
    const { t } = desk;
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
