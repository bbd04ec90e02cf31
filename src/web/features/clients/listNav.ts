// Keyboard movement through the search results: the active row as an index. Pure.

/** The next active index after a key, or null when the key does not move it. */
export function nextIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + 10);
    case 'PageUp':
      return clamp(current - 10);
    default:
      return null;
  }
}

/** A query that is only digits and phone punctuation: the user is typing a phone number. */
export function isPhoneQuery(q: string): boolean {
  return /^[\d\s()+.-]+$/.test(q.trim()) && q.replace(/\D/g, '').length >= 3;
}
