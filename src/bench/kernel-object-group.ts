/**
 * The idiomatic `group` kernel: records decoded into objects, one Map entry per key. The
 * bench's yardstick for what ordinary application code costs next to the engine's kernel.
 */

import { digestOf, type GroupTable } from '../core/workloads';
import { mix32, mix32b } from '../core/workloads/prng';
import { EMPTY_PAYLOAD_HASH, MAX_COST, TS_HI_LIMIT, TWO_POW_32 } from '../core/workloads/record';
import { allocTable } from '../core/workloads/group-table';
import { corrupt, RECORD, type KernelOutput } from './kernels';

/** One decoded record, the way application code usually holds it. */
interface Trade {
  id: number;
  key: number;
  /** Integer nanoseconds, < 2^53. */
  ts: number;
  price: number;
  size: number;
  cost: number;
}

interface Group {
  count: number;
  sumPrice: number;
  minPrice: number;
  maxPrice: number;
  sumSize: number;
  minSize: number;
  maxSize: number;
}

function decodeTrades(bytes: Uint8Array): Trade[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trades: Trade[] = [];
  for (let p = 0; p + RECORD <= bytes.byteLength; p += RECORD) {
    const tsHi = view.getUint32(p + 12, true);
    if (tsHi >= TS_HI_LIMIT) corrupt(p, 'ts is not below 2^53');
    if (view.getUint32(p + 28, true) !== 0) corrupt(p, 'reserved word is not 0');
    const trade: Trade = {
      id: view.getUint32(p, true),
      key: view.getUint32(p + 4, true),
      ts: tsHi * TWO_POW_32 + view.getUint32(p + 8, true),
      price: view.getUint32(p + 16, true),
      size: view.getUint32(p + 20, true),
      cost: view.getUint32(p + 24, true),
    };
    if (trade.cost > MAX_COST) corrupt(p, 'cost above the maximum');
    trades.push(trade);
  }
  return trades;
}

/**
 * Folds one trade into the running checksum (same lanes as jobs.ts foldRecord). Written out
 * like bareParse, reading the object's fields, so the checksum costs the idiom no more than
 * it costs the engine: the ratio prices objects + Map, nothing else.
 */
function foldTrade(sum: { a: number; b: number }, t: Trade): void {
  const tsLo = t.ts >>> 0;
  const tsHi = Math.floor(t.ts / TWO_POW_32);
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  a = Math.imul(a ^ t.id, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.id, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.key, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.key, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ tsLo, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ tsLo, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ tsHi, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ tsHi, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.price, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.price, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.size, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.size, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.cost, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.cost, 0x85ebca77); b ^= b >>> 13;
  sum.a = (sum.a + mix32(a ^ EMPTY_PAYLOAD_HASH)) | 0;
  sum.b = (sum.b + mix32b(b ^ EMPTY_PAYLOAD_HASH)) | 0;
}

/**
 * `group` the idiomatic way: decode into an array of objects, then one Map entry (an
 * object) per key. With `checksum`, the same fold as the engine, so the digests must match.
 */
export function objectGroup(bytes: Uint8Array, checksum: boolean): KernelOutput {
  const trades = decodeTrades(bytes);
  const groups = new Map<number, Group>();
  const sum = { a: 0, b: 0 };
  for (const t of trades) {
    if (checksum) foldTrade(sum, t);
    let g = groups.get(t.key);
    if (!g) {
      g = { count: 0, sumPrice: 0, minPrice: Infinity, maxPrice: -Infinity, sumSize: 0, minSize: Infinity, maxSize: -Infinity };
      groups.set(t.key, g);
    }
    g.count++;
    g.sumPrice += t.price;
    g.minPrice = Math.min(g.minPrice, t.price);
    g.maxPrice = Math.max(g.maxPrice, t.price);
    g.sumSize += t.size;
    g.minSize = Math.min(g.minSize, t.size);
    g.maxSize = Math.max(g.maxSize, t.size);
  }
  if (!checksum) return { records: trades.length, digest: null, sink: groups.size };
  return {
    records: trades.length,
    digest: digestOf({ job: 'group', records: trades.length, checksumHi: sum.a >>> 0, checksumLo: sum.b >>> 0, table: toTable(groups) }),
    sink: sum.a,
  };
}

/** A Map of groups as the engine's compact table, to digest it (one entry per key: negligible next to the records). */
function toTable(groups: Map<number, Group>): GroupTable {
  const t = allocTable(groups.size);
  let e = 0;
  for (const [key, g] of groups) {
    t.keys[e] = key;
    t.counts[e] = g.count;
    t.sumPrice[e] = g.sumPrice;
    t.minPrice[e] = g.minPrice;
    t.maxPrice[e] = g.maxPrice;
    t.sumSize[e] = g.sumSize;
    t.minSize[e] = g.minSize;
    t.maxSize[e] = g.maxSize;
    e++;
  }
  return t;
}
