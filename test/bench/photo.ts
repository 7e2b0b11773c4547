import { processPhoto } from '../../src/main/services/photos/process';
import { vips, withImages } from '../../src/main/services/photos/vips';
import { cameraJpeg, png } from '../main/photos/images';

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

/**
 * A 12-megapixel camera JPEG (4000 × 3000, EXIF orientation 6) through the real pipeline (wasm libvips).
 * photo_12mp_full_decode_ms decodes every pixel into memory, which the pipeline never does (it
 * shrinks on load), so it is slower than the pipeline and is no floor: shown for scale, not as a
 * baseline. Before the switch (sharp, native): photo_12mp_ms 353–372.
 */
export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const input = await cameraJpeg(4000, 3000, { orientation: 6, noise: true });
  log(`12 MP input: ${(input.length / 1024 / 1024).toFixed(1)} MB`);
  const v = await vips();
  await processPhoto(input); // warm-up
  const photo = await median(5, () => processPhoto(input));
  const crop = await median(5, () => processPhoto(input, { crop: { left: 500, top: 800, size: 2400 } }));
  const decode = await median(5, () =>
    withImages((keep) => keep(v.Image.newFromBuffer(input)).writeToMemory().byteLength),
  );
  log(`processPhoto ${photo} ms (with a 2400 px crop ${crop} ms), full decode to memory ${decode} ms`);
  // An upright 48 MP PNG (screenshots, exports) streams through crop and resize.
  const big = await png(8000, 6000);
  const bigPng = await median(3, () => processPhoto(big, { crop: { left: 1000, top: 1000, size: 4000 } }));
  log(`48 MP PNG with a crop: ${bigPng} ms`);
  return {
    photo_12mp_ms: photo,
    photo_12mp_crop_ms: crop,
    photo_12mp_full_decode_ms: decode,
    photo_48mp_png_ms: bigPng,
  };
}
