import { describe, expect, it } from 'vitest';
import { decideLocation } from '../../../src/main/services/location';
import { LOCATION_MANAGER_RIGHTS, useFakeLocationDesk } from '../../support/manage-desk';
import { NY } from '../../support/sample-salon';

describe('location card: the merge and the checks before a PUT (issue 22 §3, §4)', () => {
  const desk = useFakeLocationDesk();
  const { audit } = desk;
  const open = () => desk.open(LOCATION_MANAGER_RIGHTS);

  it('sends the whole object as just read, with only the changed field altered', async () => {
    const { fake, d } = open();
    const card = await d.handlers['location.card']({ locationId: NY });
    // Fields the desk does not show, and a network it does not know.
    fake.data.locations[0]!.copy!.rest = {
      social: { tiktok: 'tiktok.com/@salon', instagram: 'ig/salon' },
      coordinate_lat: 40.72,
      coordinate_lon: -73.99,
      business_type_id: 7,
      city_id: 181,
    };
    await d.handlers['location.update']({ locationId: NY, base: card.fields!, changes: { site: 'salon.example' } });
    expect(fake.puts).toHaveLength(1);
    const body = fake.puts[0]!.body;
    expect(body).toMatchObject({
      coordinate_lat: 40.72,
      coordinate_lon: -73.99,
      business_type_id: 7,
      city_id: 181,
      site: 'salon.example',
      title: card.fields!.title,
      address: card.fields!.address,
    });
    expect(body['social']).toMatchObject({ tiktok: 'tiktok.com/@salon' });
    expect(body['phones']).toEqual(card.fields!.phones.map((p) => p.replace(/\D/g, '')));
  });

  it('a number Altegio calls invalid stops the edit as failed with the sentence; nothing is sent', async () => {
    const { fake, d } = open();
    const card = await d.handlers['location.card']({ locationId: NY });
    fake.validatePhone = async () => false;
    const item = await d.handlers['location.update']({
      locationId: NY,
      base: card.fields!,
      changes: { phones: ['+1 212 555 0199'] },
    });
    expect(item.state).toBe('failed');
    expect(item.phoneIssue).toEqual({ phone: '+12125550199', reason: 'altegio' });
    expect(item.lastError?.message).toContain('+12125550199');
    expect(fake.puts).toHaveLength(0);
    expect(audit.some((a) => a.includes('not a valid phone'))).toBe(true);
  });

  it('a 403 on the PUT keeps the edit as “needs a manager”', async () => {
    const { fake, d } = open();
    const card = await d.handlers['location.card']({ locationId: NY });
    const { AppError } = await import('../../../src/shared/errors');
    fake.failOn('updateLocation', new AppError('FORBIDDEN', 'Not enough rights'));
    const item = await d.handlers['location.update']({ locationId: NY, base: card.fields!, changes: { zip: '10001' } });
    expect(item).toMatchObject({ state: 'needs-manager', lastError: { code: 'FORBIDDEN' } });
  });

  it('without the Information section the descriptions are refused; the other fields go', async () => {
    const { fake, d } = open();
    fake.data.locations.find((l) => l.company.id === NY)!.rights = {
      ...LOCATION_MANAGER_RIGHTS,
      informationAccess: false,
    };
    const card = await d.handlers['location.card']({ locationId: NY });
    expect(card.rights).toEqual({ edit: true, editDescription: false, readOnlyReason: null });
    const e = await Promise.resolve()
      .then(() =>
        d.handlers['location.update']({ locationId: NY, base: card.fields!, changes: { description: '<p>New</p>' } }),
      )
      .catch((x: unknown) => x);
    expect((e as { code?: string }).code).toBe('FORBIDDEN');
    expect(fake.puts).toHaveLength(0);
    const ok = await d.handlers['location.update']({ locationId: NY, base: card.fields!, changes: { zip: '10001' } });
    expect(ok.state).toBe('sent');
  });

  it('rights: General allows the card, Information the descriptions; no answer is read-only', () => {
    expect(decideLocation(LOCATION_MANAGER_RIGHTS)).toEqual({
      edit: true,
      editDescription: true,
      readOnlyReason: null,
    });
    expect(decideLocation({ ...LOCATION_MANAGER_RIGHTS, informationAccess: false })).toMatchObject({
      edit: true,
      editDescription: false,
    });
    expect(decideLocation({ ...LOCATION_MANAGER_RIGHTS, basisAccess: false })).toMatchObject({
      edit: false,
      readOnlyReason: 'no-rights',
    });
    expect(decideLocation(null)).toMatchObject({ edit: false, readOnlyReason: 'not-checked' });
  });
});
