/**
 * axe-core in the page: every screen the e2e visits is checked, and a serious or critical issue fails
 * the test. axe is evaluated through the DevTools protocol (page.evaluate), which the app's CSP
 * (script-src 'self') does not govern, so the page's own policy stays as shipped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Found {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Serious and critical issues on the page as it is now, one line each ("rule: help — where").
 * `within`: only the part under that CSS selector (a new card on a screen other specs own).
 */
export async function axeSerious(page: Page, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (scope: string | null): Promise<Found[]> => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    // Colours are judged as they settle, not halfway through a hover or state transition: on a loaded
    // machine axe otherwise measured a button mid-fade (a contrast "failure" no one sees; seen in CI-like runs).
    if (!document.getElementById('axe-still')) {
      const still = document.createElement('style');
      still.id = 'axe-still';
      still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
      document.head.append(still);
    }
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    const axe = (window as unknown as { axe: { run(ctx: Document | string, o: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(scope ?? document, {
      resultTypes: ['violations'],
      // Off by default as "experimental", and exactly what a voice-control user trips on:
      // the spoken name must contain the words on the control.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // The summary says why (e.g. the measured contrast ratio), so a failure can be mended without a rerun.
      nodes: v.nodes
        .slice(0, 6)
        .map((n) => `${n.target.map(String).join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()})`),
    }));
  }, within ?? null);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(' | ')}`);
}
