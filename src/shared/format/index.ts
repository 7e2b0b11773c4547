export {
  currencyCode,
  formatMoney,
  moneyFormat,
  signedMoney,
  visibleMoney,
  type MoneyFormat,
  type MoneyRange,
} from './money';
export { locationLocale } from './location-locale';
export { formatDuration } from './duration';
export {
  deskTimeZone,
  formatDateTime,
  formatLongDate,
  formatMonthYear,
  formatRecent,
  formatTime,
  formatWallTime,
  type ClockOptions,
} from './datetime';
export { sumAmounts } from './amounts';
export { formatPhone, phoneCountry } from './phone';
export { formatCount, formatPercent } from './numbers';
