import type { LocationFields } from '../../../shared/domain/location';

/**
 * Which links of the location card may leave the app for the OS browser. The renderer only ever asks
 * with a URL; main decides from Altegio's own copy, so a compromised page can open nothing but https
 * links the salon itself published: an href of the description or short description, or the
 * location's site. Never another scheme, never credentials in the URL.
 */
export function isSalonLink(url: string, fields: LocationFields): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password) return false;
  const site = parse(/^[a-z][a-z0-9+.-]*:/i.test(fields.site) ? fields.site : `https://${fields.site}`);
  if (site && fields.site.trim() && (site.protocol === 'https:' || site.protocol === 'http:') && site.host === u.host)
    return true;
  return [...hrefs(fields.description), ...hrefs(fields.shortDescr)].some((h) => parse(h)?.href === u.href);
}

function parse(s: string): URL | null {
  try {
    return new URL(s.trim());
  } catch {
    return null;
  }
}

/**
 * The href values of Altegio's HTML. Only a membership test for an allow-list, not a sanitiser (the
 * renderer shows the HTML through DOMPurify): a false match could only open a URL written in the
 * salon's own description. The renderer sends the attribute as the DOM decoded it, so the common
 * entities are decoded here too; a URL with rarer ones simply does not open.
 */
function hrefs(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi))
    out.push(decode(m[1] ?? m[2] ?? m[3] ?? ''));
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&#x0*27;|&apos;/gi, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
