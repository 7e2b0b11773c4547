import type VipsFactory from 'wasm-vips';

/**
 * libvips compiled to WebAssembly (wasm-vips). No native image library may live in an Electron
 * process: sharp's bundled GLib collides with Electron's and crashes main on Linux
 * (lovell/sharp#4522, electron/electron#46323). The same wasm runs under Node (tests, bench, the
 * browser bridge) and in Electron main.
 */
export type Vips = Awaited<ReturnType<typeof VipsFactory>>;
export type VipsImage = InstanceType<Vips['Image']>;

let loading: Promise<Vips> | null = null;

/**
 * When packaged, the module sits inside app.asar; its pthread workers and .wasm must be read from
 * the real file system, so electron-builder unpacks node_modules/wasm-vips (asarUnpack) and we
 * import that copy.
 */
async function importFactory(): Promise<typeof VipsFactory> {
  const resolved = typeof import.meta.resolve === 'function' ? safeResolve() : null;
  const unpacked = resolved ? unpackedUrl(resolved) : null;
  if (unpacked) return ((await import(/* @vite-ignore */ unpacked)) as { default: typeof VipsFactory }).default;
  return (await import('wasm-vips')).default;
}

/** The same module's URL in app.asar.unpacked, when it resolved inside app.asar; null otherwise. */
export function unpackedUrl(resolved: string): string | null {
  return /app\.asar[\\/]/.test(resolved) ? resolved.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1') : null;
}

function safeResolve(): string | null {
  try {
    return import.meta.resolve('wasm-vips');
  } catch {
    return null;
  }
}

/**
 * libvips' worker threads per image. Its default is the number of logical cores (the wasm build asks
 * `os.cpus().length`), each with its own buffers in a wasm heap that grows to 2 GiB and never
 * shrinks; one 1024 px staff photo at a time needs no more than two (issue 20, item 10).
 */
export const VIPS_THREADS = 2;

/** The part of a libvips instance the limits touch (a fake in the unit test). */
export interface VipsLimits {
  concurrency(n?: number): number | undefined;
  blockUntrusted(state: boolean): void;
  Cache: {
    max(n?: number): number | undefined;
    maxMem(n?: number): number | undefined;
    maxFiles(n?: number): number | undefined;
  };
}

/**
 * Bounds what one instance may hold. The heap's ceiling is compiled into wasm-vips (a shared
 * WebAssembly.Memory with maximum 32768 pages = 2 GiB, vips-node.mjs) and cannot be lowered from
 * here; what is bounded is what fills it: two threads, no operation cache, no open files, and
 * inputs of at most 60 MB / 100 megapixels (process.ts), one photo at a time (each call is synchronous
 * wasm work on main's thread).
 */
export function applyLimits(v: VipsLimits): void {
  // The decoders must not read anything but the buffer we pass (no files, no network).
  v.blockUntrusted(true);
  v.concurrency(VIPS_THREADS);
  // Each photo is processed once: libvips' operation cache would only hold decoded pixels in wasm
  // memory, which never shrinks.
  v.Cache.max(0);
  v.Cache.maxMem(0);
  v.Cache.maxFiles(0);
}

/**
 * One libvips instance per process, started on first use (~100 ms): the first photo processed,
 * never at start-up (nothing imports wasm-vips until then).
 */
export function vips(): Promise<Vips> {
  loading ??= (async () => {
    const factory = await importFactory();
    // No side modules (HEIF, JXL, SVG): only JPEG, PNG and WebP are accepted, which the core wasm reads.
    const v = await factory({ dynamicLibraries: [] });
    applyLimits(v as unknown as VipsLimits);
    return v;
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** Runs fn and frees every image it registered: wasm-vips images live in wasm memory, not the JS heap. */
export async function withImages<T>(fn: (keep: <I extends VipsImage>(img: I) => I) => Promise<T> | T): Promise<T> {
  const held: VipsImage[] = [];
  try {
    return await fn((img) => {
      held.push(img);
      return img;
    });
  } finally {
    for (const img of held) img.delete();
  }
}
