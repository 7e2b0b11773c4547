const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. Client and team member names are user input. */
export function escapeHtml(text: string): string {
  // Most names need nothing: testing first skips the replace's allocation (500-client reports).
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITY[c]!) : text;
}

/**
 * Text inside a CSS string literal ("…"): every character outside a plain set becomes a CSS hex
 * escape, so neither a quote nor "</style>" can end the literal or the style element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    out += /[A-Za-z0-9 .,:;_()-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return out + '"';
}
