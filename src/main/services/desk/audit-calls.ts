import type { Channel, Handlers } from '../../../shared/contract';

/**
 * The actions "who did what" must answer for at a shared desk: prints, PDFs, photo changes and cash-up
 * corrections. They are recorded here, around the handlers, so each feature stays unaware of the audit
 * list; only calls that succeeded are recorded.
 */
const AUDITED: Partial<Record<Channel, string>> = {
  'reports.print': 'print',
  'reports.savePdf': 'pdf',
  'staff.uploadPhoto': 'photo',
  'staff.removePhoto': 'photo',
  'cashup.print': 'print',
  'cashup.savePdf': 'pdf',
  'cashup.correct': 'cashup',
  'loyalty.printMonth': 'print',
  'loyalty.saveMonthPdf': 'pdf',
  'booking.printPoster': 'print',
  'booking.savePosterPdf': 'pdf',
};

/** A short, PII-free description: what kind of document or change, for which day, location and member. */
export function auditDetail(channel: string, args: unknown): string {
  const a = (args ?? {}) as Record<string, unknown>;
  const area = channel.split('.')[0];
  const parts = [
    area === 'cashup'
      ? 'cash-up'
      : area === 'staff'
        ? 'staff photo'
        : area === 'loyalty'
          ? 'month at a glance'
          : area === 'booking'
            ? 'booking poster'
            : 'day report',
  ];
  if (typeof a['month'] === 'string') parts.push(a['month']);
  if (typeof a['date'] === 'string') parts.push(a['date']);
  if (typeof a['paper'] === 'string') parts.push(a['paper']);
  if (area === 'booking' && typeof a['format'] === 'string') parts.push(a['format']);
  if (typeof a['locationId'] === 'number') parts.push(`location ${a['locationId']}`);
  if (typeof a['staffId'] === 'number') parts.push(`member ${a['staffId']}`);
  if (channel === 'staff.removePhoto') parts.push('removed');
  return parts.join(' · ');
}

export interface Actor {
  userId: number;
  name: string;
}

/**
 * The person is taken when the call starts: a print Anna started is hers even if the desk locks and Léa
 * unlocks before the printer answers.
 */
export function auditCalls(
  handlers: Handlers,
  record: (action: string, detail: string, who: Actor | null) => void,
  actor: () => Actor | null,
): Handlers {
  const wrapped = { ...handlers } as Record<string, (args: unknown) => unknown>;
  for (const [channel, action] of Object.entries(AUDITED) as [Channel, string][]) {
    const handler = wrapped[channel];
    if (!handler) continue;
    wrapped[channel] = async (args: unknown) => {
      const who = actor();
      const result = await handler(args);
      record(action, auditDetail(channel, args), who);
      return result;
    };
  }
  return wrapped as unknown as Handlers;
}
