import type { EventMap, EventName } from '../../shared/contract';

type AnyHandler = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/** Typed main-side event bus; the shell forwards it to the window, the bridge to SSE. */
export class EventBus {
  private readonly handlers = new Map<EventName, Set<(payload: never) => void>>();
  private readonly anyHandlers = new Set<AnyHandler>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const h of this.handlers.get(event) ?? []) (h as (p: EventMap[E]) => void)(payload);
    for (const h of this.anyHandlers) h(event, payload);
  }

  on<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as (payload: never) => void);
    return () => set.delete(handler as (payload: never) => void);
  }

  /** Every event, for forwarders (the window, the bridge's SSE stream). */
  onAny(handler: AnyHandler): () => void {
    this.anyHandlers.add(handler);
    return () => this.anyHandlers.delete(handler);
  }
}
