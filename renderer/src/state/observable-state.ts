/**
 * State that React reads with useSyncExternalStore: an immutable snapshot replaced on every
 * change, and the listeners told about it.
 */
export class ObservableState<T extends object> {
  private listeners = new Set<() => void>();

  constructor(protected snapshot: T) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  protected set(patch: Partial<T>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
