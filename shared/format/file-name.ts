/** A name a file system takes on Windows, macOS and Linux: no \ / : * ? " < > |, one space at a time, ≤ 80 chars. */
export function safeFileName(name: string, fallback = 'rumija'): string {
  return (
    name
      .replace(/[\\/:*?"<>|]+/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || fallback
  );
}
