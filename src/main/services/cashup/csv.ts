import type { CashupVersion, Milli } from '../../../shared/domain/cashup';
import { cashupFigures } from '../../../shared/domain/cashup-math';

/**
 * A money amount for a spreadsheet: a plain decimal with a dot, exactly as stored (integers
 * formatted digit by digit, never through a float), two decimals unless the third one is used.
 */
export function csvAmount(m: Milli | null): string {
  if (m === null) return '';
  const sign = m < 0 ? '-' : '';
  const abs = Math.abs(m);
  const whole = Math.floor(abs / 1000);
  const thousandths = String(abs % 1000).padStart(3, '0');
  const fraction = thousandths.endsWith('0') ? thousandths.slice(0, 2) : thousandths;
  return `${sign}${whole}.${fraction}`;
}

/**
 * One RFC 4180 field. Text a person typed (reasons, notes, account titles) that starts like a
 * formula is prefixed with ' so a spreadsheet shows it instead of running it (CSV injection).
 */
export function csvField(value: string, text = true): string {
  let v = value;
  if (text && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Stable English column names and English markers ("TOTAL", "Cash drawer", yes/no) whatever the desk
 * language: the CSV is a machine format that spreadsheets and accountants' imports read by header,
 * and a file exported on a Russian desk must load the same as one from an English desk.
 */
const HEADER = [
  'date',
  'version',
  'status',
  'locked_at',
  'counted_by',
  'currency',
  'account',
  'expected',
  'counted',
  'difference',
  'opening_float',
  'paid_in',
  'paid_out',
  'z_fetched_at',
  'z_offline_copy',
  'correction_reason',
  'note',
];

/** Every version of every day, one line per account and one "TOTAL" line per version. */
export function cashupCsv(versions: readonly CashupVersion[], threshold: Milli): string {
  const lines = [HEADER.join(',')];
  for (const v of versions) {
    const f = cashupFigures(v.z, v.input, threshold);
    const common = (account: string, expected: Milli, counted: Milli | null, variance: Milli | null) =>
      [
        csvField(v.date, false),
        String(v.version),
        v.status,
        csvField(v.lockedAt ?? '', false),
        csvField(v.countedBy ?? ''),
        csvField(v.z.currency),
        csvField(account),
        csvAmount(expected),
        csvAmount(counted),
        csvAmount(variance),
        csvAmount(f.drawer.float),
        csvAmount(f.drawer.paidIn),
        csvAmount(f.drawer.paidOut),
        csvField(v.z.fetchedAt, false),
        v.z.fromCache ? 'yes' : 'no',
        csvField(v.reason ?? ''),
        csvField(v.input.note),
      ].join(',');
    for (const l of f.lines)
      lines.push(common(l.title === '' ? 'Cash drawer' : l.title, l.expected, l.counted, l.variance));
    lines.push(common('TOTAL', f.total.expected, f.total.counted, f.total.variance));
  }
  // CRLF per RFC 4180; the BOM makes Excel read UTF-8 (Cyrillic account titles) correctly.
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
