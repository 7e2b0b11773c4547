export { CashupRepo, type DayKey, type Totals } from './cashup-repo';
