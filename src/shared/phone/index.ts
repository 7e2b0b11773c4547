export { checkPhone, formatAsTyped, looksLikePhone, type PhoneCheck, type PhoneReason } from './check';
export { locationPhoneCountry, signInPhoneCountry } from './country';
