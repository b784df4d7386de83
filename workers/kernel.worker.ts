/**
 * The kernel worker entry: the engine's ready signal (so the pool can time its start-up)
 * and the kernel API. A person's code is only ever loaded here, never on the page.
 */
import { expose } from 'comlink';
import { READY_TYPE, type ReadySignal } from '../src/core/protocol/engine';
import { createKernelWorkerApi } from './kernel-api';

const ready: ReadySignal = { type: READY_TYPE, atMs: performance.timeOrigin + performance.now() };
self.postMessage(ready);

expose(createKernelWorkerApi());
