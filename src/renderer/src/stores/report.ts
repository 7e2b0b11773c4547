import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { StaffMember } from '../../../shared/domain/catalog';
import type { DayReport, PrinterInfo } from '../../../shared/domain/reports';
import type { Paper } from '../../../shared/domain/session';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { t } from '../i18n';
import { errorText } from '../i18n/errors';
import { useSettingsStore } from './settings';

export type ReportNotice = { tone: 'info' | 'error'; text: string };

/**
 * The Day report screen's state. The report and its printable HTML come together from
 * `reports.html`, so the preview is always the document that print and PDF produce.
 */
export const useReportStore = defineStore('report', () => {
  const locationId = ref<number | null>(null);
  /** '' until main has said which day "today" is at the location (its timezone, not this PC's). */
  const date = ref('');
  const today = ref('');
  const staffId = ref<number | null>(null);
  const paper = ref<Paper>('a4');
  const printer = ref('');
  const silent = ref(false);
  const staff = ref<StaffMember[]>([]);
  const printers = ref<PrinterInfo[]>([]);
  const report = ref<DayReport | null>(null);
  const html = ref('');
  const error = ref<ErrorBody | null>(null);
  const loading = ref(false);
  const busy = ref<'print' | 'pdf' | null>(null);
  const notice = ref<ReportNotice | null>(null);

  const query = () => ({
    locationId: locationId.value!,
    ...(date.value ? { date: date.value } : {}),
    ...(staffId.value ? { staffId: staffId.value } : {}),
  });
  const printable = () => ({ ...query(), paper: paper.value });

  /**
   * Opens the screen for a location: today, the whole team, and the desk's remembered paper and
   * printer. Coming back to the same location keeps the day and member chosen, and reads them again.
   */
  async function open(id: number): Promise<void> {
    if (id !== locationId.value) {
      locationId.value = id;
      date.value = '';
      today.value = '';
      staffId.value = null;
    }
    notice.value = null;
    const settings = useSettingsStore();
    if (!settings.view) await settings.load();
    paper.value = settings.view?.desk.paper ?? 'a4';
    const [members] = await Promise.all([api().staff.list({ locationId: id }), loadPrinters(), load()]);
    if (locationId.value === id) staff.value = members.ok ? members.data.items : [];
  }

  async function loadPrinters(): Promise<void> {
    const res = await api().reports.printers();
    if (!res.ok) return;
    printers.value = res.data.printers;
    printer.value = res.data.deskPrinter ?? '';
  }

  let latest = 0;
  async function load(): Promise<void> {
    if (locationId.value === null) return;
    const ticket = ++latest;
    loading.value = true;
    const res = await api().reports.html(printable());
    // A slower earlier answer (say the receipt, asked just before the network dropped) must not replace a newer one.
    if (ticket !== latest) return;
    loading.value = false;
    if (!res.ok) {
      error.value = res.error;
      report.value = null;
      html.value = '';
      return;
    }
    error.value = null;
    report.value = res.data.report;
    html.value = res.data.html;
    if (!date.value) date.value = today.value = res.data.report.date;
  }

  async function setDate(next: string): Promise<void> {
    date.value = next;
    notice.value = null;
    await load();
  }

  async function setStaff(id: number | null): Promise<void> {
    staffId.value = id;
    notice.value = null;
    await load();
  }

  async function setPaper(next: Paper): Promise<void> {
    if (paper.value === next) return;
    paper.value = next;
    await Promise.all([useSettingsStore().setDesk({ paper: next }), load()]);
  }

  async function setPrinter(name: string): Promise<void> {
    printer.value = name;
    await useSettingsStore().setDesk({ printer: name || null });
  }

  async function print(): Promise<void> {
    if (busy.value || !report.value) return;
    busy.value = 'print';
    notice.value = null;
    try {
      const res = await api().reports.print({
        ...printable(),
        ...(printer.value ? { printer: printer.value } : {}),
        // Without a chosen printer the dialog is where one is chosen.
        silent: silent.value && !!printer.value,
      });
      notice.value = !res.ok
        ? { tone: 'error', text: errorText(res.error) }
        : { tone: 'info', text: res.data.printed ? t('report.printed') : t('report.notPrinted') };
    } finally {
      busy.value = null;
    }
  }

  async function savePdf(): Promise<void> {
    if (busy.value || !report.value) return;
    busy.value = 'pdf';
    notice.value = null;
    try {
      const res = await api().reports.savePdf(printable());
      if (!res.ok) notice.value = { tone: 'error', text: errorText(res.error) };
      else if (res.data.path) notice.value = { tone: 'info', text: t('report.saved', { path: res.data.path }) };
    } finally {
      busy.value = null;
    }
  }

  return {
    locationId,
    date,
    today,
    staffId,
    paper,
    printer,
    silent,
    staff,
    printers,
    report,
    html,
    error,
    loading,
    busy,
    notice,
    open,
    load,
    setDate,
    setStaff,
    setPaper,
    setPrinter,
    print,
    savePdf,
  };
});
