/**
 * `ALTEGIO_BASE_URL` points every environment at another server (tests, staging, the bridge). In an
 * installed app it would let anyone who can set the user's environment send the partner token and
 * typed passwords to a host of their choice, the very thing the NODE_OPTIONS fuse closes; so a
 * packaged app ignores it (issue 20, item 3).
 */
export function altegioBaseUrlOverride(
  env: Record<string, string | undefined>,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged) return undefined;
  return env['ALTEGIO_BASE_URL'] || undefined;
}
