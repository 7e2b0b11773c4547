import DOMPurify from 'dompurify';

/**
 * The location's description is HTML written in Altegio's editor (or by anyone with API access):
 * shown only after DOMPurify (cure53, the sanitiser browsers' own security teams test against) has
 * kept a small set of text tags and http(s)/mailto links; never v-html of what Altegio sent.
 */
const ALLOWED_TAGS = ['p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'span', 'div'];
const SAFE_HREF = /^(https?:|mailto:)/i;

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName !== 'A') return;
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_HREF.test(href.trim())) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    });
    hooked = true;
  }
  return DOMPurify;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let works: boolean | null = null;
/**
 * A DOM the sanitiser cannot work in (some test DOMs report support and return the input untouched)
 * must not turn into raw HTML on screen: the probe decides once, and without it the text is escaped.
 */
function purifierWorks(): boolean {
  works ??= !/onerror|<script/i.test(purifier().sanitize('<img src="x" onerror="1"><script></script>'));
  return works;
}

export function sanitizeDescription(html: string): string {
  if (!purifierWorks())
    return `<p>${escape(
      html
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )}</p>`;
  return purifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href'] });
}

/** Formatting that plain-text editing drops: anything beyond paragraphs and line breaks. */
export function hasFormatting(html: string): boolean {
  const doc = new DOMParser().parseFromString(sanitizeDescription(html), 'text/html');
  return doc.body.querySelector('*:not(p):not(br):not(div):not(span)') !== null;
}

/** The description as the editor shows it: one paragraph per blank-line-separated block. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(sanitizeDescription(html), 'text/html');
  const blocks: string[] = [];
  const walk = (el: Element) => {
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType === Node.ELEMENT_NODE && ['P', 'DIV', 'LI', 'H3', 'H4'].includes((n as Element).tagName)) {
        blocks.push(textOf(n as Element));
      } else if (n.nodeType === Node.ELEMENT_NODE && ['UL', 'OL'].includes((n as Element).tagName)) {
        walk(n as Element);
      } else if ((n.textContent ?? '').trim()) {
        blocks.push(textOf(n));
      }
    }
  };
  const textOf = (n: Node): string => {
    if (n.nodeType === Node.TEXT_NODE) return n.textContent ?? '';
    if ((n as Element).tagName === 'BR') return '\n';
    return Array.from(n.childNodes).map(textOf).join('');
  };
  walk(doc.body);
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The editor's text back to HTML: escaped, a paragraph per block, single line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => `<p>${escape(b).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
