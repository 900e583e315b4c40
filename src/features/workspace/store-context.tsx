/**
 * Which workspace store the screens use: the browser's IndexedDB by default; component tests provide
 * an in-memory one.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { IndexedDbStore, type WorkspaceStore } from './store';

let browserStore: WorkspaceStore | null = null;
function defaultStore(): WorkspaceStore {
  browserStore ??= new IndexedDbStore();
  return browserStore;
}

const StoreContext = createContext<WorkspaceStore | null>(null);

export function WorkspaceStoreProvider({ store, children }: { store: WorkspaceStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useWorkspaceStore(): WorkspaceStore {
  return useContext(StoreContext) ?? defaultStore();
}
