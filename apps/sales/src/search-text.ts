/** An ILIKE pattern matching `text` anywhere, with the caller's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[%_\\]/g, '\\$&')}%`;
}
