/** The generator's street worker with deterministic ids, for profile-generate.ts. */
import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { deterministicIds } from './deterministic-ids.ts';

deterministicIds('worker');
await import('../generate/street-worker.ts');
// The thread's id, for the main thread to read its CPU time from /proc.
parentPort?.postMessage({ type: 'ready', thread: Number(readlinkSync('/proc/thread-self').split('/').at(-1)) });
