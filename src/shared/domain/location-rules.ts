import { checkPhone, type PhoneReason } from '../phone';
import { DESCRIPTION_MAX, TEXT_MAX, type LocationChanges, type LocationField } from './location';

export interface LocationIssue {
  field: LocationField;
  rule: 'required' | 'tooLong' | 'phone';
  /** For `phone`: the number as typed and why it is wrong. */
  phone?: string;
  reason?: PhoneReason;
}

/**
 * The card's rules, the same in the form (said in the desk's language as it is typed) and in main
 * (nothing unchecked is queued). Phones are checked for the location's country.
 */
export function checkLocationChanges(changes: LocationChanges, country: string | null): LocationIssue[] {
  const out: LocationIssue[] = [];
  for (const [field, v] of Object.entries(changes) as [LocationField, string | string[]][]) {
    if (field === 'phones') {
      for (const p of Array.isArray(v) ? v : [v]) {
        const c = checkPhone(p, country);
        if (!c.valid) out.push({ field, rule: 'phone', phone: p, reason: c.reason ?? 'notANumber' });
      }
      continue;
    }
    const text = Array.isArray(v) ? v.join('') : v;
    if (field === 'title' && !text.trim()) out.push({ field, rule: 'required' });
    else if (text.length > (field === 'description' ? DESCRIPTION_MAX : TEXT_MAX)) out.push({ field, rule: 'tooLong' });
  }
  return out;
}
