import { describe, expect, it, vi } from 'vitest';
import { createAppDomain } from '../../../src/main/services/app/handlers';
import { NO_RIGHTS, useFakeLocationDesk } from '../../support/manage-desk';
import { NY } from '../../support/sample-salon';

/**
 * A link in the location's description (Altegio's HTML) opens in the browser when it is https and
 * Altegio's own copy holds it; the renderer still cannot open anything else (issue 22 §3).
 */
describe('links in the location’s description', () => {
  const desk = useFakeLocationDesk();

  async function wired(description: string, site = 'lavisage.example') {
    const { fake, d } = desk.open(NO_RIGHTS);
    const card = await d.handlers['location.card']({ locationId: NY });
    await fake.updateLocation(NY, { ...card.fields, description, site, short_descr: card.fields!.shortDescr });
    await d.handlers['location.card']({ locationId: NY });
    const opened = vi.fn(async () => undefined);
    const dom = d;
    const app = createAppDomain({
      info: () => ({}) as never,
      now: () => new Date(),
      openExternal: opened,
      salonLink: (url) => dom.isSalonLink(url),
    });
    const open = async (url: string) => (await app.handlers['app.openExternal']({ url })).opened;
    return { open, opened };
  }

  it('opens the salon’s own https links that Altegio’s description holds, as they are written', async () => {
    const { open, opened } = await wired(
      '<p>Book at <a href="https://lavisage.example/prices?a=1&amp;b=2">our prices</a> or ' +
        "<a href='https://www.instagram.com/lavisage/'>Instagram</a></p>",
    );
    expect(await open('https://lavisage.example/prices?a=1&b=2')).toBe(true);
    expect(await open('https://www.instagram.com/lavisage/')).toBe(true);
    // The location's own site, as Altegio keeps it (often without a scheme).
    expect(await open('https://lavisage.example/')).toBe(true);
    expect(opened).toHaveBeenCalledTimes(3);
  });

  it('never opens a link Altegio’s copy does not hold, a plain-http one, or another scheme', async () => {
    const { open, opened } = await wired(
      '<p><a href="http://lavisage.example/old">old</a> <a href="javascript:alert(1)">x</a> ' +
        '<a href="https://r.example/?to=https://evil.example/">r</a> <a href="file:///etc/passwd">f</a> ' +
        '<a href="https://user:pw@lavisage.example/">u</a></p>',
    );
    for (const url of [
      'https://evil.example/',
      'http://lavisage.example/old',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@lavisage.example/',
      'ms-settings:privacy',
      'https://lavisage.example.evil.example/',
    ])
      expect(await open(url), url).toBe(false);
    expect(opened).not.toHaveBeenCalled();
  });

  it('Altegio’s own sites stay allowed without any description', async () => {
    const { open } = await wired('');
    expect(await open('https://alteg.io/en/')).toBe(true);
  });
});
