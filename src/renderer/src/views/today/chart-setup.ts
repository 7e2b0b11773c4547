import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/**
 * Chart.js with only the pieces the Today screen uses (tree-shaken), system fonts (nothing to
 * download, works offline) and no animation (calm at a desk; screenshots stable; honours
 * reduced motion by not moving at all).
 */
let ready = false;
export function chartJs(): typeof Chart {
  if (!ready) {
    Chart.register(
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      DoughnutController,
      ArcElement,
      CategoryScale,
      LinearScale,
      Tooltip,
      Legend,
    );
    const css = typeof document !== 'undefined' ? getComputedStyle(document.documentElement) : null;
    Chart.defaults.font.family = css?.getPropertyValue('--fd-font').trim() || 'system-ui, sans-serif';
    Chart.defaults.font.size = 13;
    Chart.defaults.color = css?.getPropertyValue('--fd-text-muted').trim() || '#586173';
    Chart.defaults.animation = false;
    ready = true;
  }
  return Chart;
}

export const PALETTE = ['#0b6e69', '#c2571a', '#3b5bdb', '#8a5a00', '#9c36b5', '#586173'];
