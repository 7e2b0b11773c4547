import type { Pick } from '../prng';
import type { DemoPhoto } from '../types';

const PALETTE = [
  '#8e3b5f',
  '#2f6f8f',
  '#6d5a9c',
  '#b5651d',
  '#3f7d4e',
  '#a23b3b',
  '#4a5d7e',
  '#8a6d3b',
  '#2d7f7a',
  '#7a4a8a',
];

export const PHOTO_SIZES: DemoPhoto['sizes'] = {
  sm: { width: 100, height: 100 },
  norm: { width: 180, height: 220 },
  origin: { width: 600, height: 733 },
};

export const portraitColor = (staffId: number): string => PALETTE[staffId % PALETTE.length]!;

/** Paths shaped like Altegio's (/uploads/masters/{version}/{hash}.jpg); the bytes are drawn on request. */
export function photoFor(staffId: number, imageGroupId: number, pick: Pick): DemoPhoto {
  const hash = Array.from({ length: 15 }, () => pick.int(0, 15).toString(16)).join('');
  const file = `${hash}_${staffId}.jpg`;
  return {
    imageGroupId,
    paths: {
      sm: `/uploads/masters/sm/${file}`,
      norm: `/uploads/masters/norm/${file}`,
      origin: `/uploads/masters/origin/${file}`,
    },
    sizes: PHOTO_SIZES,
  };
}
