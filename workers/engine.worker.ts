/**
 * The engine worker entry: a top-level ready signal (so spawn time is observable), a raw
 * postMessage ping that bypasses comlink (so benchmarks can price comlink against
 * hand-written messaging on the same worker), and expose(api). Everything else lives in
 * engine-api.ts; the messages are typed in src/core/protocol/engine.ts.
 */
import { expose } from 'comlink';
import { RAW_PING_TYPE, RAW_PONG_TYPE, READY_TYPE, type RawPing, type RawPong, type ReadySignal } from '../src/core/protocol/engine';
import { createEngineWorkerApi } from './engine-api';

const now = (): number => performance.timeOrigin + performance.now();

const ready: ReadySignal = { type: READY_TYPE, atMs: now() };
self.postMessage(ready);

// comlink ignores messages whose `type` it does not know, and replies carry no `id`.
self.addEventListener('message', (ev: MessageEvent<RawPing | null>) => {
  if (ev.data?.type !== RAW_PING_TYPE) return;
  const pong: RawPong = { type: RAW_PONG_TYPE, seq: ev.data.seq, atMs: now() };
  self.postMessage(pong);
});

expose(createEngineWorkerApi());
