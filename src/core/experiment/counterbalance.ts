/**
 * Counterbalanced run order within the interleaved rounds of an experiment.
 *
 * Interleaving (every configuration once per round) spreads slow drift over all
 * configurations, but a fixed order inside the round still biases them: the unit that
 * always runs first pays for whatever the previous round left behind (a collected heap, a
 * cold cache, a woken core), and the unit that always follows the heaviest one inherits its
 * heat. A Williams design (Williams, "Experimental designs balanced for the estimation of
 * residual effects of treatments", Aust. J. Sci. Res. A 2(3), 1949) fixes both: over a
 * cycle of rounds every unit stands in every position equally often AND follows every
 * other unit equally often. Deterministic, so a run's order is reproducible from its
 * configuration alone.
 */

/**
 * Rounds in one full Williams cycle for `count` units: `count` when it is even (or 1),
 * `2 × count` when it is odd (the mirrored square is needed to balance predecessors).
 */
export function williamsCycle(count: number): number {
  return count % 2 === 0 || count === 1 ? count : 2 * count;
}

/**
 * The order of `count` units (their indices 0…count − 1) in round `round` of a Williams
 * design. Row r of the square is the base sequence 0, 1, n−1, 2, n−2, … shifted by r (mod n);
 * for odd n the rows r + n are the rows r reversed. Every `count` rounds each unit has stood
 * in each position once; every full cycle (williamsCycle) each ordered pair of units has been
 * adjacent equally often.
 */
export function williamsOrder(count: number, round: number): number[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isInteger(round) || round < 0) throw new RangeError(`round must be a whole number ≥ 0, got ${round}`);
  if (count === 0) return [];
  const base: number[] = [0];
  for (let k = 1; base.length < count; k++) {
    base.push(k);
    if (base.length < count) base.push(count - k);
  }
  const r = round % williamsCycle(count);
  const shift = r % count;
  const row = base.map((u) => (u + shift) % count);
  return r >= count ? row.reverse() : row;
}
