import { describe, expectTypeOf, it } from 'vitest';
import type { Api, ArgsIn, Channel, Handlers, ResultOf } from '../../../src/shared/contract';
import type { SessionInfo } from '../../../src/shared/domain/session';
import type { Result } from '../../../src/shared/errors';

// Compiled by `npm run typecheck` (tsconfig.node.json includes test/): a wrong channel is a type error.
describe('contract types', () => {
  it('knows every channel and nothing else', () => {
    expectTypeOf<'app.ping'>().toExtend<Channel>();
    // @ts-expect-error — not a channel
    const unknown: Channel = 'fs.readFile';
    void unknown;
    const call = (api: Api) => {
      // @ts-expect-error — no such namespace on window.api
      void api.fs;
      // @ts-expect-error — no such method
      void api.catalog.dropTable;
      // @ts-expect-error — wrong argument type
      void api.catalog.search({ locationId: 'one', query: '' });
      return api.session.current();
    };
    expectTypeOf(call).returns.toEqualTypeOf<Promise<Result<SessionInfo | null>>>();
  });

  it('ties handlers to their schema and result', () => {
    expectTypeOf<ArgsIn<'catalog.search'>>().toHaveProperty('locationId').toEqualTypeOf<number>();
    expectTypeOf<ResultOf<'session.signIn'>>().toEqualTypeOf<SessionInfo>();
    expectTypeOf<Handlers['app.ping']>().parameter(0).toExtend<{ echo?: string | undefined } | undefined>();
  });
});
