import { createContext, useCallback, useContext, useState } from 'react';
import { useAppSnapshot, type AppStore } from './app-store';

export const StoreContext = createContext<AppStore | null>(null);

export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreContext');
  return store;
}

export function useSnapshot() {
  return useAppSnapshot(useStore());
}

/** What panels remember while they are not shown (chosen ruas, corridor, paying share …), per store. */
const panelMemory = new WeakMap<AppStore, Map<string, unknown>>();

/**
 * useState whose value outlives the panel: switching tabs and back finds the panel as it was left. Kept for the
 * session, not across a reload.
 */
export function usePanelState<T>(key: string, initial: T): [T, (value: T) => void] {
  const store = useStore();
  let memory = panelMemory.get(store);
  if (!memory) panelMemory.set(store, (memory = new Map()));
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      panelMemory.get(store)!.set(key, next);
      setValue(next);
    },
    [store, key],
  );
  return [value, set];
}
