export const FAULT_MODES = [
  'http500',
  'html502',
  'rate429',
  'rate429NoHeader',
  'slow',
  'malformedJson',
  'successFalse',
  'wrongType',
  'forbiddenLicense',
  'unauthorized',
  /** The request is carried out (an upload is stored), then the connection drops with no answer: a lost response. */
  'dropAfterAccept',
  /**
   * The request is carried out (an upload is stored), then no answer ever comes: the connection stays
   * open until the server stops. A server that hangs; the client's own timeout must end the wait.
   */
  'hang',
  'notFound',
  /** 2xx answers without usable data: `data: null`, an empty body, 204 No Content, `data: []`. */
  'dataNull',
  'emptyBody',
  'noContent',
  'emptyList',
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultSpec {
  mode: FaultMode;
  /** Only requests whose path (with query) matches; by default every API request (not picture files). */
  match?: RegExp | string;
  /** How many matching requests fail; until `clear()` when absent. */
  times?: number;
  /** How many matching requests go through untouched before the fault starts (default 0). */
  skip?: number;
  /** For `slow`: how long to hold the answer (default 3 s). */
  delayMs?: number;
}

/** Switchable failure modes for tests: one active fault at a time. */
export class FaultController {
  private current: FaultSpec | null = null;
  private left = Infinity;
  private skip = 0;

  set(spec: FaultSpec): void {
    this.current = { ...spec };
    this.left = spec.times ?? Infinity;
    this.skip = spec.skip ?? 0;
  }

  clear(): void {
    this.current = null;
  }

  get active(): FaultSpec | null {
    return this.current;
  }

  /** The fault to apply to this request, if any; counts it against `times`. */
  take(path: string, isApi: boolean): FaultSpec | null {
    const f = this.current;
    if (!f) return null;
    const matches =
      f.match === undefined ? isApi : typeof f.match === 'string' ? path.includes(f.match) : f.match.test(path);
    if (!matches) return null;
    if (this.skip > 0) {
      this.skip--;
      return null;
    }
    if (--this.left <= 0) this.current = null;
    return f;
  }
}
