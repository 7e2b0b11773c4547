export { currencyCode, formatMoney, type MoneyRange } from './money';
export { formatDuration } from './duration';
export { formatPhone, phoneCountry } from './phone';
