/** Whether an element takes typing, so the counter leaves focus there instead of pulling it back to the scan field. */
export function isTextEntry(el: { tagName?: string; type?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!el || !el.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (el.isContentEditable) return true;
  if (tag !== 'INPUT') return false;
  const type = (el.type ?? 'text').toLowerCase();
  return ['text', 'search', 'password', 'number', 'tel', 'email', 'url', ''].includes(type);
}
