import { useSyncExternalStore } from 'react';

/**
 * How many patrol runs wait on this phone for the network, mirrored in localStorage so the first
 * bundle can start a sync without loading IndexedDB code when nothing waits.
 */
const STORAGE_KEY = 'fq.patrol.waiting';
export const PATROL_CHANGED = 'fq-patrol-changed';

export function waitingCount(): number {
  return Number(localStorage.getItem(STORAGE_KEY) ?? 0) || 0;
}

export function setWaitingCount(count: number): void {
  localStorage.setItem(STORAGE_KEY, String(count));
}

function subscribe(onChange: () => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener(PATROL_CHANGED, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(PATROL_CHANGED, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

export const useWaitingCount = () => useSyncExternalStore(subscribe, waitingCount);

/** Sends waiting runs when the app opens online and whenever the network comes back. */
export function startPatrolSync(): () => void {
  const send = () => {
    if (waitingCount() > 0 && navigator.onLine) void import('./run-store.ts').then((store) => store.syncNow());
  };
  window.addEventListener('online', send);
  send();
  return () => window.removeEventListener('online', send);
}
