/**
 * "1 hr, 15 min" / "1 ч 15 мин" / "1 h y 15 min": Intl.DurationFormat where the runtime has it
 * (Chromium, newer Node), else @formatjs' polyfill of the same API (Node 20 in main and tests).
 */
import { DurationFormat as DurationFormatPolyfill } from '@formatjs/intl-durationformat';

interface DurationFormatter {
  format(duration: { hours?: number; minutes?: number }): string;
}
type DurationFormatCtor = new (
  locale: string,
  options: { style: 'short'; minutesDisplay?: 'always' | 'auto' },
) => DurationFormatter;

const Native = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
const Ctor: DurationFormatCtor = Native ?? (DurationFormatPolyfill as unknown as DurationFormatCtor);

const formatters = new Map<string, DurationFormatter>();

/** `minutes`: show minutes even when 0, so a zero-length service reads "0 min", not "". */
function formatter(locale: string, minutes: boolean): DurationFormatter {
  const key = `${locale}|${minutes}`;
  let f = formatters.get(key);
  if (!f) {
    const options = { style: 'short', minutesDisplay: minutes ? 'always' : 'auto' } as const;
    try {
      f = new Ctor(locale, options);
    } catch {
      f = new Ctor('en', options); // an unknown locale tag
    }
    formatters.set(key, f);
  }
  return f;
}

const memo = new Map<string, string>();

/** Seconds to a short display string in the desk's language; rounds to whole minutes. */
export function formatDuration(sec: number, locale = 'en'): string {
  const key = `${locale}|${sec}`;
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= 5_000) memo.clear();
    const totalMin = Math.max(0, Math.round(sec / 60));
    const hours = Math.floor(totalMin / 60);
    const minutes = totalMin % 60;
    // Zero parts are left out ("2 ч", not "2 ч 0 мин"); nothing at all still reads "0 min".
    text = formatter(locale, hours === 0).format(hours === 0 ? { minutes } : { hours, minutes });
    memo.set(key, text);
  }
  return text;
}
