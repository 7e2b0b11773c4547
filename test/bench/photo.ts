import sharp from 'sharp';
import { processPhoto } from '../../src/main/services/photos/process';

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

/** A 12-megapixel camera JPEG (4000 × 3000, EXIF orientation 6) through the real pipeline vs a plain decode. */
export async function run(log: (line: string) => void): Promise<Record<string, number>> {
  const noise = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  const input = await sharp(noise).withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
  log(`12 MP input: ${(input.length / 1024 / 1024).toFixed(1)} MB`);
  await processPhoto(input); // warm-up
  const photo = await median(5, () => processPhoto(input));
  const decode = await median(5, () => sharp(input).raw().toBuffer());
  log(`processPhoto ${photo} ms, decode only ${decode} ms`);
  return { photo_12mp_ms: photo, photo_12mp_decode_only_ms: decode };
}
