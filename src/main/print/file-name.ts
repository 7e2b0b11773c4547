/**
 * A file name that every desktop OS accepts: no path separators, reserved characters or control
 * characters, no trailing dots or spaces (Windows), not too long.
 */
export function safeFileName(name: string, fallback = 'report'): string {
  const cleaned = name
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? fallback : cleaned;
}
