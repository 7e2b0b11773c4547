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
  if (cleaned === '' || /^\.+$/.test(cleaned)) return fallback;
  // Windows refuses these device names as a file's name, with or without an extension.
  return /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned) ? `${fallback} ${cleaned}` : cleaned;
}
