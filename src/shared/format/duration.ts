/** "1 hr 30 min" / "1 ч 30 мин": Node 20 has no Intl.DurationFormat, so hours and minutes are joined. */

const cache = new Map<string, Intl.NumberFormat>();

function unit(locale: string, u: 'hour' | 'minute'): Intl.NumberFormat {
  const key = `${locale}|${u}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
    } catch {
      f = new Intl.NumberFormat('en', { style: 'unit', unit: u, unitDisplay: 'short' });
    }
    cache.set(key, f);
  }
  return f;
}

const memo = new Map<string, string>();

/** Seconds to a short display string; rounds to whole minutes. */
export function formatDuration(sec: number, locale = 'en'): string {
  const key = `${locale}|${sec}`;
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= 5_000) memo.clear();
    text = compose(sec, locale);
    memo.set(key, text);
  }
  return text;
}

function compose(sec: number, locale: string): string {
  const totalMin = Math.max(0, Math.round(sec / 60));
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h === 0) return unit(locale, 'minute').format(m);
  if (m === 0) return unit(locale, 'hour').format(h);
  return `${unit(locale, 'hour').format(h)} ${unit(locale, 'minute').format(m)}`;
}
