export interface Bounds {
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: Bounds = { width: 1280, height: 820 };
const MIN = { width: 960, height: 640 };

/**
 * The saved window place, if it is still visible on one of today's displays (a laptop undocked
 * from its second screen must not open the window off-screen); otherwise a centred default.
 */
export function restoreBounds(saved: Bounds | null, workAreas: Area[]): Bounds {
  if (!saved || !Number.isFinite(saved.width) || !Number.isFinite(saved.height)) return DEFAULT_BOUNDS;
  const width = Math.max(MIN.width, Math.round(saved.width));
  const height = Math.max(MIN.height, Math.round(saved.height));
  if (saved.x === undefined || saved.y === undefined) return { width, height, maximized: !!saved.maximized };
  const { x, y } = saved;
  const visible = workAreas.some(
    (a) => x + 100 <= a.x + a.width && x + width - 100 >= a.x && y >= a.y - 10 && y + 40 <= a.y + a.height,
  );
  return visible ? { x, y, width, height, maximized: !!saved.maximized } : { width, height, maximized: !!saved.maximized };
}
