/**
 * Two other lenses on the serial part of a program: Karp–Flatt's experimentally
 * determined serial fraction (what Amdahl's p a measured speedup implies, per N), and
 * Gustafson's scaled speedup (what you get when the problem grows with the workers).
 */

import { requireFraction, requireLoad, requirePositive, requireWorkers } from './errors';

/**
 * Karp–Flatt serial fraction e = (1/S − 1/N) / (1 − 1/N) (Karp & Flatt, "Measuring
 * parallel processor performance", CACM 33(5), 1990). Constant e across N means a fixed
 * serial part (Amdahl); e growing with N means overhead growing with N (messaging,
 * contention). Undefined for N = 1, where 1 − 1/N = 0. N is any load > 0: below 1 both
 * numerator and denominator change sign and e keeps its meaning.
 */
export function karpFlatt(speedup: number, n: number): number | undefined {
  requirePositive(speedup, 'speedup');
  requireLoad(n, 'n');
  if (n === 1) return undefined;
  return (1 / speedup - 1 / n) / (1 - 1 / n);
}

/**
 * Gustafson's scaled speedup S = N − s·(N − 1) (Gustafson, "Reevaluating Amdahl's law",
 * CACM 31(5), 1988), where s is the serial fraction of the time on the N-worker run and
 * the problem size grows with N.
 */
export function gustafsonSpeedup(serialFraction: number, n: number): number {
  requireFraction(serialFraction, 'serialFraction');
  requireWorkers(n, 'n');
  return n - serialFraction * (n - 1);
}
