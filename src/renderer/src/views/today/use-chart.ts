import type { Chart as ChartType, ChartConfiguration } from 'chart.js';
import { onBeforeUnmount, onMounted, type Ref, watch } from 'vue';
import { language } from '../../i18n';
import { chartJs } from './chart-setup';

/**
 * One Chart.js chart on a canvas, kept in step with its data: drawn when mounted, drawn again on the next
 * frame when `deps`, the desk language or the table toggle change, and destroyed with the component.
 * While the table is shown there is no canvas and no chart (its numbers are in the table).
 */
export function useChart(
  canvas: Ref<HTMLCanvasElement | null>,
  asTable: Ref<boolean>,
  config: () => ChartConfiguration,
  deps: () => unknown[],
): void {
  let chart: ChartType | null = null;
  function draw(): void {
    chart?.destroy();
    chart = null;
    const ctx = canvas.value?.getContext('2d');
    if (!ctx || asTable.value) return;
    const Chart = chartJs();
    chart = new Chart(ctx, config());
  }
  onMounted(draw);
  watch(
    () => [...deps(), language.value, asTable.value],
    () => requestAnimationFrame(draw),
  );
  onBeforeUnmount(() => chart?.destroy());
}
