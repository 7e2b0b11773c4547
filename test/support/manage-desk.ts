import { afterEach } from 'vitest';
import { createAltegioClient, RateLimiter } from '../../src/main/altegio';
import type { CatalogRights } from '../../src/main/altegio/manage-types';
import { recordRights } from '../../src/main/services/catalog/location-rights';
import { createLocationDomain, type LocationDomain } from '../../src/main/services/location';
import { createManageDomain, type ManageDomain } from '../../src/main/services/manage';
import { makeTestContext, type TestContext } from './context';
import { DEMO_PARTNER_TOKEN, type DemoServer } from './demo';
import { FakeAltegio } from './fake-altegio';
import { NY, sampleSalon } from './sample-salon';

/** Manager mode's tests: a desk with its own files, the rights recorded, and the outbox ticking only when told. */

export const ALL_RIGHTS: CatalogRights = {
  settingsAccess: true,
  servicesAccess: true,
  createServices: true,
  editServices: true,
  categoriesAccess: true,
};
export const NO_RIGHTS: CatalogRights = {
  settingsAccess: false,
  servicesAccess: false,
  createServices: false,
  editServices: false,
  categoriesAccess: false,
};

/** Settings → General and Information: the location card's rights, and nothing on the menu. */
export const LOCATION_MANAGER_RIGHTS: CatalogRights = {
  ...NO_RIGHTS,
  settingsAccess: true,
  basisAccess: true,
  informationAccess: true,
};

/** The sample salon with these rights at the New York location. */
export function salonWithRights(rights: CatalogRights = ALL_RIGHTS): FakeAltegio {
  const data = sampleSalon();
  data.locations.find((l) => l.company.id === NY)!.rights = rights;
  return new FakeAltegio(data);
}

function manageDomain(t: TestContext, locationId: number, audit: ManageAudit['entries'] | null): ManageDomain {
  recordRights(t.ctx.settings, t.ctx.currentUser()!, [locationId]);
  // An hour between ticks: a test flushes when it means to, never by the timer.
  return createManageDomain(t.ctx, {
    audit: audit ? (_a, detail, who) => audit.push({ detail, who: who.name }) : () => undefined,
    tickMs: 3_600_000,
  });
}

interface ManageAudit {
  entries: { detail: string; who: string }[];
}

/**
 * One desk on the fake Altegio at a time, closed after each test. `desk.t` is the open desk's context;
 * `desk.audit` what it put on the audit list, with who did it.
 */
export function useFakeManageDesk() {
  let t: TestContext | null = null;
  let domain: ManageDomain | null = null;
  const audit: ManageAudit['entries'] = [];
  afterEach(() => {
    domain?.close?.();
    domain = null;
    audit.length = 0;
    t?.close();
    t = null;
  });
  return {
    audit,
    get t(): TestContext {
      if (!t) throw new Error('no desk is open: call open() first');
      return t;
    },
    get domain(): ManageDomain {
      if (!domain) throw new Error('no desk is open: call open() first');
      return domain;
    },
    open(fake: FakeAltegio, opts: { dir?: string; userId?: number; userName?: string } = {}): ManageDomain {
      t = makeTestContext({ altegio: fake, ...opts });
      domain = manageDomain(t, NY, audit);
      return domain;
    },
  };
}

/**
 * Desks wired as in the app (real client, real SQLite) against the demo server, any number at once, each
 * with its own files unless `dir` is shared on purpose; all closed after each test.
 */
export function useDemoManageDesks(demo: () => DemoServer, locationId: number) {
  const open: { t: TestContext; d: ManageDomain }[] = [];
  afterEach(() => {
    demo().faults.clear();
    for (const o of open.splice(0)) {
      o.d.close?.();
      o.t.close();
    }
  });
  return function desk(
    user: { id: number; name: string; userToken: string },
    opts: { dir?: string; timeoutMs?: number } = {},
  ): { t: TestContext; d: ManageDomain } {
    const t = makeTestContext({ userId: user.id, userName: user.name, ...(opts.dir ? { dir: opts.dir } : {}) });
    t.setAltegio(
      createAltegioClient({
        baseUrl: demo().url,
        vendor: 'altegio',
        credentials: () => ({ partnerToken: DEMO_PARTNER_TOKEN, userToken: user.userToken }),
        retries: 0,
        timeoutMs: opts.timeoutMs ?? 3_000,
        limiter: new RateLimiter({ perSecond: 10_000, perMinute: 100_000 }),
      }),
    );
    const d = manageDomain(t, locationId, null);
    open.push({ t, d });
    return { t, d };
  };
}

/**
 * The location card on the fake Altegio, one desk at a time, closed after each test. `desk.audit` holds
 * what went on the audit list.
 */
export function useFakeLocationDesk() {
  let t: TestContext | null = null;
  let domain: LocationDomain | null = null;
  const audit: string[] = [];
  afterEach(() => {
    domain?.close?.();
    domain = null;
    audit.length = 0;
    t?.close();
    t = null;
  });
  return {
    audit,
    get t(): TestContext {
      if (!t) throw new Error('no desk is open: call open() first');
      return t;
    },
    open(rights: CatalogRights): { fake: FakeAltegio; d: LocationDomain } {
      const fake = salonWithRights(rights);
      t = makeTestContext({ altegio: fake });
      recordRights(t.ctx.settings, t.ctx.currentUser()!, [NY]);
      domain = createLocationDomain(t.ctx, {
        audit: (_a, detail) => audit.push(detail),
        location: () => null,
        tickMs: 3_600_000,
      });
      return { fake, d: domain };
    },
  };
}
