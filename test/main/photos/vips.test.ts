import { describe, expect, it } from 'vitest';
import { unpackedUrl, vips } from '../../../src/main/services/photos/vips';

describe('wasm libvips loader', () => {
  it('loads under Node with the JPEG, PNG and WebP codecs the pipeline needs, and no native module', async () => {
    const v = await vips();
    expect(v.version(0)).toBeGreaterThanOrEqual(8);
    const config = v.config();
    for (const codec of ['JPEG load/save', 'PNG load/save', 'WebP load/save'])
      expect(config).toMatch(new RegExp(codec));
    expect(await vips()).toBe(v); // one instance per process
  });

  it('reads the unpacked copy when the app is packaged in app.asar (workers and .wasm need real files)', () => {
    expect(unpackedUrl('file:///opt/Front%20Desk/resources/app.asar/node_modules/wasm-vips/lib/vips-node.mjs')).toBe(
      'file:///opt/Front%20Desk/resources/app.asar.unpacked/node_modules/wasm-vips/lib/vips-node.mjs',
    );
    expect(
      unpackedUrl(
        'file:///C:/Program%20Files/Front%20Desk/resources/app.asar/node_modules/wasm-vips/lib/vips-node.mjs',
      ),
    ).toBe(
      'file:///C:/Program%20Files/Front%20Desk/resources/app.asar.unpacked/node_modules/wasm-vips/lib/vips-node.mjs',
    );
    expect(unpackedUrl('file:///work/node_modules/wasm-vips/lib/vips-node.mjs')).toBeNull();
  });
});
