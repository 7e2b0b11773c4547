/**
 * JSON with bytes: IPC carries Uint8Array natively (structured clone); over HTTP the bridge
 * wraps them as base64 so photo uploads travel the same way.
 */
const TAG = '__bytes';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { [TAG]: toBase64(v) } : v));
}

export function decode(text: string): unknown {
  if (text === '') return undefined;
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o[TAG] === 'string' && Object.keys(o).length === 1) return fromBase64(o[TAG]);
    }
    return v;
  });
}
