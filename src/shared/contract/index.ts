import type { z } from 'zod';
import type { Result } from '../errors';
import { appChannels } from './app';
import { bookingChannels } from './booking';
import { cashupChannels } from './cashup';
import { catalogChannels } from './catalog';
import type { ChannelDef } from './define';
import { deskChannels } from './desk';
import { locationChannels } from './location';
import { loyaltyChannels } from './loyalty';
import { manageChannels } from './manage';
import type { EventMap, EventName } from './events';
import { photoChannels } from './photos';
import { reportChannels } from './reports';
import { sessionChannels } from './session';
import { todayChannels } from './today';

/** Every IPC channel the app has. Preload, main and the browser bridge are all built from this object. */
export const contract = {
  ...appChannels,
  ...sessionChannels,
  ...catalogChannels,
  ...photoChannels,
  ...reportChannels,
  ...cashupChannels,
  ...deskChannels,
  ...todayChannels,
  ...loyaltyChannels,
  ...manageChannels,
  ...bookingChannels,
  ...locationChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

type DefOf<C extends Channel> = Contract[C];
/** What the caller passes (before defaults are applied). */
export type ArgsIn<C extends Channel> = DefOf<C> extends ChannelDef<infer A, unknown> ? z.input<A> : never;
/** What the handler receives (after parsing). */
export type ArgsOut<C extends Channel> = DefOf<C> extends ChannelDef<infer A, unknown> ? z.output<A> : never;
export type ResultOf<C extends Channel> = DefOf<C> extends ChannelDef<z.ZodType, infer R> ? R : never;

export type Handlers = { [C in Channel]: (args: ArgsOut<C>) => Promise<ResultOf<C>> | ResultOf<C> };

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;

type Call<C extends Channel> =
  undefined extends ArgsIn<C>
    ? (args?: ArgsIn<C>) => Promise<Result<ResultOf<C>>>
    : (args: ArgsIn<C>) => Promise<Result<ResultOf<C>>>;

/** `window.api`: `api.catalog.search({...})`, plus `api.on(event, handler) → unsubscribe`. */
export type Api = {
  [N in Namespace<Channel>]: { [M in Method<Channel, N>]: Call<Extract<`${N}.${M}`, Channel>> };
} & {
  on<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): () => void;
};

export { EVENT_NAMES, type EventMap, type EventName } from './events';

/** Splits 'catalog.search' into ['catalog', 'search']. */
export function splitChannel(c: Channel): [string, string] {
  const dot = c.indexOf('.');
  return [c.slice(0, dot), c.slice(dot + 1)];
}
