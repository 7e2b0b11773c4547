import { describe, expect, it, vi } from 'vitest';
import { applyLimits, vips, VIPS_THREADS } from '../../../src/main/services/photos/vips';
// @ts-expect-error plain .js config, no type declarations
const config = (await import('../../../electron-builder.js')).default as {
  extraResources?: { from: string; to: string }[];
};

describe('wasm-vips limits (issue 20, item 10)', () => {
  it('caps libvips to two threads, no cache, no open files, untrusted loaders blocked', () => {
    const v = {
      concurrency: vi.fn(),
      blockUntrusted: vi.fn(),
      Cache: { max: vi.fn(), maxMem: vi.fn(), maxFiles: vi.fn() },
    };
    applyLimits(v);
    expect(VIPS_THREADS).toBe(2);
    expect(v.concurrency).toHaveBeenCalledWith(2);
    expect(v.Cache.max).toHaveBeenCalledWith(0);
    expect(v.Cache.maxMem).toHaveBeenCalledWith(0);
    expect(v.Cache.maxFiles).toHaveBeenCalledWith(0);
    expect(v.blockUntrusted).toHaveBeenCalledWith(true);
  });

  it('the real instance runs with those limits', async () => {
    const v = await vips();
    expect(v.concurrency()).toBeLessThanOrEqual(VIPS_THREADS);
    expect(v.Cache.maxMem()).toBe(0);
    expect(v.Cache.max()).toBe(0);
  });

  it("keeps wasm-vips' licence and third-party notices in the package (the *.md filter drops them inside app.asar)", () => {
    const to = (config.extraResources ?? []).map((r) => [r.from, r.to]);
    expect(to).toEqual(
      expect.arrayContaining([
        ['node_modules/wasm-vips/THIRD-PARTY-NOTICES.md', 'licenses/wasm-vips/THIRD-PARTY-NOTICES.md'],
        ['node_modules/wasm-vips/LICENSE', 'licenses/wasm-vips/LICENSE'],
      ]),
    );
  });
});
