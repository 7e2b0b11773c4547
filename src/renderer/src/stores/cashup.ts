import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CashupHistoryRow, CashupInput, CashupView } from '../../../shared/domain/cashup';
import { zCurrencyIso } from '../../../shared/domain/cashup-denominations';
import { cashupFigures } from '../../../shared/domain/cashup-math';
import type { Paper } from '../../../shared/domain/session';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { t } from '../i18n';
import { errorText } from '../i18n/errors';
import { debounce } from '../lib/debounce';
import { useSettingsStore } from './settings';

export type CashupNotice = { tone: 'info' | 'error'; text: string };
/** Typing pauses this long before the draft is written to the desk's database. */
export const SAVE_DELAY_MS = 400;

/**
 * The Cash up screen. `input` is the receptionist's count, edited in place; the figures are
 * computed here as they type (the same pure function main uses) and the draft is saved, debounced.
 */
export const useCashupStore = defineStore('cashup', () => {
  const locationId = ref<number | null>(null);
  const date = ref('');
  const view = ref<CashupView | null>(null);
  const input = ref<CashupInput | null>(null);
  const error = ref<ErrorBody | null>(null);
  const loading = ref(false);
  const saving = ref<'idle' | 'pending' | 'saving' | 'saved' | 'failed'>('idle');
  const paper = ref<Paper>('a4');
  const html = ref('');
  const busy = ref<'print' | 'pdf' | 'correct' | 'csv' | null>(null);
  const notice = ref<CashupNotice | null>(null);
  const history = ref<CashupHistoryRow[]>([]);
  const historyCurrency = ref('');
  /** The location's zone: it names the country whose number conventions the money follows. */
  const historyTimeZone = ref<string | null>(null);

  const locked = computed(() => view.value?.current.status === 'locked');
  /**
   * Nothing can be typed while the count is on its way to paper: main refuses saves until the print
   * ends, and the version it locks must be the one printed.
   */
  const readOnly = computed(() => locked.value || busy.value === 'print' || busy.value === 'pdf');
  /**
   * The currency money is shown in: the Z report's. Only when its symbol names no currency ("$" where
   * the location's country does not say which) does the count currency the desk picked name it, so
   * tenge notes never read "$20,000.00".
   */
  const currency = computed(() => {
    const z = view.value?.current.z;
    if (!z) return '';
    const picked = input.value?.countCurrency ?? null;
    return picked && zCurrencyIso(z.currency, z.timezoneName) === null ? picked : z.currency;
  });
  const timeZone = computed(() => view.value?.current.z.timezoneName ?? null);
  const figures = computed(() =>
    view.value && input.value ? cashupFigures(view.value.current.z, input.value, view.value.threshold) : null,
  );
  const key = () => ({ locationId: locationId.value!, date: date.value });
  /** A plain copy: structuredClone rejects Vue's reactive proxies, and IPC must get plain data. */
  const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

  async function open(id: number, day?: string): Promise<void> {
    await flush();
    locationId.value = id;
    notice.value = null;
    loading.value = true;
    const settings = useSettingsStore();
    if (!settings.view) await settings.load();
    paper.value = settings.view?.desk.paper ?? 'a4';
    const res = await api().cashup.open({ locationId: id, ...(day ? { date: day } : {}) });
    loading.value = false;
    if (!res.ok) {
      error.value = res.error;
      view.value = null;
      input.value = null;
      return;
    }
    error.value = null;
    show(res.data, true);
    await Promise.all([preview(), loadHistory()]);
  }

  function show(next: CashupView, replaceInput: boolean): void {
    view.value = next;
    date.value = next.current.date;
    if (replaceInput) input.value = plain(next.current.input);
  }

  /** Call after every change to `input`: figures update at once, the save follows the pause. */
  function changed(): void {
    if (locked.value) return;
    saving.value = 'pending';
    scheduled();
  }
  const scheduled = debounce(() => void save(), SAVE_DELAY_MS);

  let inFlight: Promise<void> | null = null;
  async function save(): Promise<void> {
    if (!view.value || !input.value || locked.value) return;
    const sent = plain(input.value);
    saving.value = 'saving';
    const run = (async () => {
      const res = await api().cashup.save({ ...key(), version: view.value!.current.version, input: sent });
      if (!res.ok) {
        saving.value = 'failed';
        notice.value = { tone: 'error', text: errorText(res.error) };
        return;
      }
      // Keep what was typed while this save was on its way; only main's view of it is replaced.
      show(res.data, false);
      if (saving.value === 'saving') saving.value = 'saved';
      // The preview and the history row of this day show the saved count.
      void preview();
      void loadHistory();
    })();
    inFlight = run;
    await run;
    if (inFlight === run) inFlight = null;
  }

  /** Writes a pending change now (before printing, leaving the screen, switching day). */
  async function flush(): Promise<void> {
    if (inFlight) await inFlight;
    if (saving.value === 'pending') {
      scheduled.cancel();
      await save();
    }
  }

  async function preview(): Promise<void> {
    if (!view.value) return;
    const res = await api().cashup.html({ ...key(), paper: paper.value });
    if (res.ok) html.value = res.data.html;
  }

  async function setPaper(next: Paper): Promise<void> {
    paper.value = next;
    await preview();
  }

  async function setThreshold(threshold: number): Promise<void> {
    const res = await api().cashup.setThreshold({ ...key(), threshold });
    if (res.ok) show(res.data, false);
  }

  async function output(kind: 'print' | 'pdf'): Promise<void> {
    if (busy.value || !view.value) return;
    busy.value = kind;
    notice.value = null;
    try {
      await flush();
      const args = { ...key(), paper: paper.value };
      if (kind === 'print') {
        const res = await api().cashup.print(args);
        if (!res.ok) notice.value = { tone: 'error', text: errorText(res.error) };
        else {
          show(res.data.view, true);
          notice.value = { tone: 'info', text: res.data.printed ? t('cashup.printed') : t('report.notPrinted') };
        }
      } else {
        const res = await api().cashup.savePdf(args);
        if (!res.ok) notice.value = { tone: 'error', text: errorText(res.error) };
        else {
          show(res.data.view, true);
          if (res.data.path) notice.value = { tone: 'info', text: t('cashup.saved', { path: res.data.path }) };
        }
      }
      await Promise.all([preview(), loadHistory()]);
    } finally {
      busy.value = null;
    }
  }

  async function correct(reason: string): Promise<boolean> {
    if (busy.value) return false;
    busy.value = 'correct';
    try {
      const res = await api().cashup.correct({ ...key(), reason });
      if (!res.ok) {
        notice.value = { tone: 'error', text: errorText(res.error) };
        return false;
      }
      notice.value = null;
      show(res.data, true);
      await Promise.all([preview(), loadHistory()]);
      return true;
    } finally {
      busy.value = null;
    }
  }

  async function loadHistory(): Promise<void> {
    if (locationId.value === null) return;
    const res = await api().cashup.history({ locationId: locationId.value });
    if (!res.ok) return;
    history.value = res.data.rows;
    historyCurrency.value = res.data.currency;
    historyTimeZone.value = res.data.timezoneName;
  }

  /** The CSV comes from main as text and is saved the way a browser saves a download. */
  async function exportCsv(from: string, to: string): Promise<void> {
    if (busy.value || locationId.value === null) return;
    busy.value = 'csv';
    try {
      const res = await api().cashup.exportCsv({ locationId: locationId.value, from, to });
      if (!res.ok) {
        notice.value = { tone: 'error', text: errorText(res.error) };
        return;
      }
      const url = URL.createObjectURL(new Blob([res.data.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = res.data.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      notice.value = { tone: 'info', text: t('cashup.exported', { name: res.data.fileName }) };
    } finally {
      busy.value = null;
    }
  }

  return {
    locationId,
    date,
    view,
    input,
    error,
    loading,
    saving,
    paper,
    html,
    busy,
    notice,
    history,
    historyCurrency,
    historyTimeZone,
    locked,
    readOnly,
    currency,
    timeZone,
    figures,
    open,
    changed,
    flush,
    setPaper,
    setThreshold,
    print: () => output('print'),
    savePdf: () => output('pdf'),
    correct,
    loadHistory,
    exportCsv,
  };
});
