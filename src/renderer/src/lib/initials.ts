/** "Anna Petrova" → "AP", "Zoë" → "Z": the placeholder for a missing photo. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => Array.from(w)[0]!.toUpperCase()).join('');
}

/** Image URLs the page's CSP lets through: the app's media protocol, same-origin paths, data and blob. */
export function isShowableImage(src: string | null | undefined): src is string {
  if (!src) return false;
  return /^(app-media:|data:image\/|blob:|\/(?!\/))/.test(src) || src.startsWith(`${location.origin}/`);
}
