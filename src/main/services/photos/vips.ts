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

/** One libvips instance per process, started on first use (~100 ms). */
export function vips(): Promise<Vips> {
  loading ??= (async () => {
    const factory = await importFactory();
    // No side modules (HEIF, JXL, SVG): only JPEG, PNG and WebP are accepted, which the core wasm reads.
    const v = await factory({ dynamicLibraries: [] });
    // The decoders must not read anything but the buffer we pass (no files, no network).
    v.blockUntrusted(true);
    // Each photo is processed once: libvips' operation cache would only hold decoded pixels in wasm
    // memory, which never shrinks.
    v.Cache.max(0);
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
