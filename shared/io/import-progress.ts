/** How far the reading of a file has come: bytes read, or features checked. */
export interface ImportProgress {
  /** read: bytes decoded; parse: the JSON parser is running (no figures); check: features (or rows) checked. */
  phase: 'read' | 'parse' | 'check';
  done: number;
  total: number;
  /** Features (or rows) read so far. */
  features: number;
}

export type ProgressSink = (progress: ImportProgress) => void;

/** A sink told at most every `intervalMs` (messages to the UI are not free), and always at the end of a phase. */
export function throttledProgress(sink: ProgressSink | undefined, intervalMs = 100, now = () => Date.now()) {
  let last = -Infinity;
  return (progress: ImportProgress) => {
    if (!sink) return;
    const time = now();
    if (progress.done < progress.total && time - last < intervalMs) return;
    last = time;
    sink(progress);
  };
}

/** UTF-8 bytes to text in slices, telling the sink how many bytes are done; null when the bytes are not UTF-8. */
export function decodeUtf8WithProgress(bytes: Uint8Array, report: ProgressSink, sliceBytes = 4 * 1024 * 1024) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let start = 0; start < bytes.byteLength; start += sliceBytes) {
      const end = Math.min(bytes.byteLength, start + sliceBytes);
      parts.push(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength }));
      report({ phase: 'read', done: end, total: bytes.byteLength, features: 0 });
    }
    parts.push(decoder.decode());
  } catch {
    return null;
  }
  return parts.join('');
}
