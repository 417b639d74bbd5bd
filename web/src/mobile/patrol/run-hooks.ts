import { useCallback, useEffect, useState } from 'react';
import { isWaiting, type RunDraft } from './run-draft.ts';
import { runStore, saveDraft, syncNow } from './run-store.ts';
import { PATROL_CHANGED } from './waiting.ts';

/**
 * The run of a plan this phone has open (not yet finished), read from IndexedDB and re-read on
 * every change; each step is written there first and then sent if the network allows.
 */
export function useOpenRun(planId: string) {
  const [draft, setDraft] = useState<RunDraft | null | undefined>(undefined);
  const [clientId, setClientId] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const all = await runStore.all();
    const found = clientId ? all.find((d) => d.clientId === clientId) : all.find((d) => d.planId === planId && !d.finishedAt);
    setDraft(found ?? null);
    if (found) setClientId(found.clientId);
  }, [clientId, planId]);

  useEffect(() => {
    void reload();
    const onChange = () => void reload();
    window.addEventListener(PATROL_CHANGED, onChange);
    return () => window.removeEventListener(PATROL_CHANGED, onChange);
  }, [reload]);

  const begin = useCallback(async (created: RunDraft) => {
    setClientId(created.clientId);
    await saveDraft(created);
    setDraft(created);
    void syncNow();
  }, []);

  const step = useCallback(
    async (change: (d: RunDraft) => RunDraft) => {
      if (!clientId) return;
      const next = await runStore.update(clientId, change);
      if (next) setDraft(next);
      void syncNow();
    },
    [clientId],
  );

  return { draft, begin, step, waiting: draft ? isWaiting(draft) : false };
}
