import type { AppContext, Domain } from '../context';
import { LoyaltyService, type LoyaltyDeps } from './loyalty-service';

export type LoyaltyDomain = Domain<'loyalty.get'> & { service: LoyaltyService };

/** "Who comes back": the manager's loyalty and retention figures. */
export function createLoyaltyDomain(ctx: AppContext, deps: LoyaltyDeps): LoyaltyDomain {
  const service = new LoyaltyService(ctx, deps);
  return {
    service,
    handlers: {
      'loyalty.get': (args) => service.get(args),
    },
  };
}

export { LOYALTY_FRESH_MS, LoyaltyService, type LoyaltyDeps } from './loyalty-service';
