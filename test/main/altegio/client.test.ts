import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAltegioClient } from '../../../src/main/altegio';
import { DEMO_PARTNER_TOKEN, startDemoServer, type DemoServer } from '../../support/demo';
import { ALMATY, ANNA, NY, PARIS, signedInClient } from './helpers';
import { formatOf, solid } from '../photos/images';

describe('Altegio client against the demo server', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ now: () => new Date('2026-03-18T15:00:00Z') });
  });
  afterAll(() => demo.close());
  beforeEach(() => {
    demo.faults.clear();
    demo.received.requests.length = 0;
  });

  it('auth sends the partner token alone and returns the user', async () => {
    const api = createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: null }),
    });
    const user = await api.auth(ANNA.login, ANNA.password);
    expect(user).toMatchObject({ id: ANNA.id, name: 'Anna Reception', userToken: ANNA.userToken, avatar: null });
    expect(demo.received.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/auth',
      auth: 'partner',
      accept: 'application/vnd.api.v2+json, application/json',
    });
  });

  it('wrong password → AUTH_REQUIRED with Altegio’s message, no password in the error', async () => {
    const { api, unauthorized } = signedInClient(demo);
    const err = await api.auth(ANNA.login, 'not-the-password').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Incorrect login or password' });
    expect(JSON.stringify(err)).not.toContain('not-the-password');
    expect(unauthorized).toEqual(['Incorrect login or password']);
  });

  it('user calls send "Bearer partner, User user" and the vendor Accept header', async () => {
    const { api } = signedInClient(demo);
    await api.myCompanies();
    expect(demo.received.requests.at(-1)).toMatchObject({ path: '/api/v1/companies?my=1', auth: 'user' });
    const yc = signedInClient(demo, { vendor: 'yclients' }).api;
    await yc.myCompanies();
    expect(demo.received.requests.at(-1)!.accept).toBe('application/vnd.yclients.v2+json, application/json');
  });

  it('locations, company, categories, services, staff, licence, tips, phone check', async () => {
    const { api } = signedInClient(demo);
    const companies = await api.myCompanies();
    expect(companies.map((c) => c.timezoneName)).toEqual(['America/New_York', 'Asia/Almaty', 'Europe/Paris']);
    // The currency is on the list; GET /company/{id} documents none (issue 19 §2.6).
    expect(companies.find((c) => c.id === ALMATY)).toMatchObject({ currencyShortTitle: '₸' });
    expect(await api.company(ALMATY)).toMatchObject({ id: ALMATY, currencyShortTitle: null, city: 'Алматы' });

    const categories = await api.serviceCategories(PARIS);
    expect(categories.map((c) => c.title)).toContain('Épilation');
    const services = await api.services(PARIS);
    expect(services.length).toBeGreaterThan(20);
    expect(services.every((s) => s.staff !== null && s.title.length > 0)).toBe(true);
    expect(services.find((s) => s.title === 'Maquillage de mariée')).toMatchObject({ priceMin: expect.any(Number) });

    const staff = await api.staff(NY);
    const hannah = staff.find((m) => m.name === 'Hannah Lee')!;
    expect(hannah).toMatchObject({ hidden: true, avatar: null, avatarBig: null, imageGroupId: null });
    expect(staff.find((m) => m.name === 'Tyler Ross')).toMatchObject({ fired: true });
    expect(staff.find((m) => m.name === 'Olivia Bennett')!.avatarBig).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/uploads\/masters\/norm\//,
    );

    const olivia = staff.find((m) => m.name === 'Olivia Bennett')!;
    const hers = await api.servicesOfStaff(NY, olivia.id);
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.every((s) => s.staff!.some((l) => l.staffId === olivia.id))).toBe(true);
    expect(demo.received.requests.at(-1)!.path).toBe(`/api/v1/company/${NY}/services?staff_id=${olivia.id}`);

    expect(await api.license(PARIS)).toMatchObject({ active: true, endDate: '2026-03-23' });
    expect(await api.tipsSettings(NY)).toEqual(
      expect.arrayContaining([expect.objectContaining({ staffId: olivia.id })]),
    );
    await expect(api.tipsSettings(ALMATY)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Access is not activated',
    });
    expect(await api.validatePhone('+1 212 555 0141')).toBe(true);
    expect(await api.validatePhone('12')).toBe(false);
  });

  it('zReport sends dd.mm.yyyy and returns entries sorted by time', async () => {
    const { api } = signedInClient(demo);
    const r = await api.zReport(NY, '2026-03-17');
    const sent = demo.received.requests.at(-1)!.path;
    expect(sent).toBe(`/api/v1/reports/z_report/${NY}?start_date=17.03.2026&end_date=17.03.2026`);
    expect(r.currency).toBe('USD');
    expect(r.entries.length).toBeGreaterThan(0);
    expect(r.entries.map((e) => e.timestamp)).toEqual([...r.entries.map((e) => e.timestamp)].sort((a, b) => a - b));
    expect(r.accounts.map((a) => a.title)).toEqual(['Cash', 'Card']);

    const masterId = r.entries[0]!.masters[0]!.masterId;
    const one = await api.zReport(NY, '2026-03-17', masterId);
    expect(demo.received.requests.at(-1)!.path).toContain(`master_id=${masterId}`);
    expect(one.entries.flatMap((e) => e.masters.map((m) => m.masterId))).toEqual(expect.arrayContaining([masterId]));
    expect(new Set(one.entries.flatMap((e) => e.masters.map((m) => m.masterId)))).toEqual(new Set([masterId]));

    const empty = await api.zReport(NY, '2026-03-12'); // six days back: closed
    expect(empty.entries).toEqual([]);
  });

  it('uploads a photo as multipart; the member’s avatar changes; the old group can be deleted', async () => {
    const { api } = signedInClient(demo);
    const member = (await api.staff(PARIS)).find((m) => m.name === 'Lucas Martin')!;
    const jpeg = new Uint8Array(await solid(320, 400, 'jpeg'));
    const uploaded = await api.uploadStaffPhoto({ staffId: member.id, jpeg, fileName: 'lucas.jpg' });
    expect(uploaded.bound).toBe(true);
    expect(uploaded.images['origin']).toMatchObject({ width: 320, height: 400 });

    const got = demo.received.uploads.at(-1)!;
    expect(got).toMatchObject({
      entity: 'master',
      fields: { master_id: String(member.id) },
      fileName: 'lucas.jpg',
      contentType: 'image/jpeg',
      staffId: member.id,
    });
    expect(Buffer.from(got.bytes).equals(Buffer.from(jpeg))).toBe(true);

    const after = (await api.staff(PARIS)).find((m) => m.id === member.id)!;
    expect(after.imageGroupId).toBe(uploaded.imageGroupId);
    const bytes = await api.download(after.avatarBig!);
    expect(await formatOf(bytes)).toBe('jpeg');

    await api.deleteImage({ entity: 'master', imageGroupId: member.imageGroupId! });
    expect(demo.received.deletes).toContain(member.imageGroupId);
    await expect(api.deleteImage({ entity: 'master', imageGroupId: member.imageGroupId! })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('download returns picture bytes without sending any token', async () => {
    const { api } = signedInClient(demo);
    const m = (await api.staff(ALMATY)).find((x) => x.avatarBig !== null)!;
    demo.received.requests.length = 0;
    const bytes = await api.download(m.avatarBig!);
    expect(await formatOf(bytes)).toBe('jpeg');
    expect(demo.received.requests[0]).toMatchObject({ auth: 'none' });
    await expect(api.download(`${new URL(demo.url).origin}/uploads/masters/norm/missing.jpg`)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('unknown location → NOT_FOUND; a location the user cannot see → FORBIDDEN', async () => {
    const { api } = signedInClient(demo);
    await expect(api.company(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.staff(999)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Location not found.' });
    const lea = createAltegioClient({
      baseUrl: demo.url,
      vendor: 'altegio',
      credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: demo.dataset.users[1]!.userToken }),
    });
    expect((await lea.myCompanies()).map((c) => c.id)).toEqual([PARIS]);
    await expect(lea.staff(NY)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
