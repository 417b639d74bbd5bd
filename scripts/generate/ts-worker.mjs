// A worker thread that runs a TypeScript module: tsx's loader is registered per thread, so the
// entry (workerData.entry, a file URL) is imported only once it is in place.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
