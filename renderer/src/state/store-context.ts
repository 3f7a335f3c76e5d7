import { createContext, useContext } from 'react';
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
