import type { z } from 'zod';

/** A channel: its argument schema, and (as a phantom type) what it resolves to. */
export interface ChannelDef<A extends z.ZodType, R> {
  args: A;
  /** Never read at run time; carries the result type for the compiler. */
  readonly result?: R;
}

export function channel<A extends z.ZodType>(args: A) {
  return {
    returns<R>(): ChannelDef<A, R> {
      return { args };
    },
  };
}
