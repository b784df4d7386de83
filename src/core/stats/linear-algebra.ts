/**
 * The one piece of linear algebra the fits need: a small dense least-squares solve.
 * Householder QR (Golub & Van Loan, "Matrix Computations", 4th ed., §5.3) rather than the
 * normal equations, because forming AᵀA squares the condition number, and the USL and
 * time-model columns differ in scale by many orders of magnitude (κ multiplies N², λ does
 * not). Columns are scaled to unit norm first so the rank test below is scale-free.
 */

/** Columns whose QR pivot falls below this fraction of the largest are treated as dependent. */
const RANK_TOLERANCE = 1e-10;

/**
 * Solves min ‖A·x − b‖₂ for `A` given as rows (m ≥ n). Returns null when A has a zero
 * column or is numerically rank-deficient, so callers can fall back to a smaller model.
 */
export function solveLeastSquares(rows: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const m = rows.length;
  if (m === 0) return null;
  const n = rows[0].length;
  if (m < n || b.length !== m) return null;

  const scale = new Float64Array(n);
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(m);
    let sumSq = 0;
    for (let i = 0; i < m; i++) {
      col[i] = rows[i][j];
      sumSq += col[i] * col[i];
    }
    if (!(sumSq > 0) || !Number.isFinite(sumSq)) return null;
    scale[j] = Math.sqrt(sumSq);
    for (let i = 0; i < m; i++) col[i] /= scale[j];
    cols.push(col);
  }
  const y = Float64Array.from(b);
  const diag = new Float64Array(n);

  for (let k = 0; k < n; k++) {
    const ck = cols[k];
    let normSq = 0;
    for (let i = k; i < m; i++) normSq += ck[i] * ck[i];
    const norm = Math.sqrt(normSq);
    if (norm === 0) return null;
    // Reflect onto −sign(x₀)·‖x‖·e₁ so that v = x − α·e₁ never cancels.
    const alpha = ck[k] > 0 ? -norm : norm;
    ck[k] -= alpha;
    let vSq = 0;
    for (let i = k; i < m; i++) vSq += ck[i] * ck[i];
    for (let j = k + 1; j < n; j++) {
      const cj = cols[j];
      let dot = 0;
      for (let i = k; i < m; i++) dot += ck[i] * cj[i];
      const f = (2 * dot) / vSq;
      for (let i = k; i < m; i++) cj[i] -= f * ck[i];
    }
    let dotY = 0;
    for (let i = k; i < m; i++) dotY += ck[i] * y[i];
    const fy = (2 * dotY) / vSq;
    for (let i = k; i < m; i++) y[i] -= fy * ck[i];
    diag[k] = alpha;
  }

  let maxDiag = 0;
  for (let k = 0; k < n; k++) maxDiag = Math.max(maxDiag, Math.abs(diag[k]));
  for (let k = 0; k < n; k++) if (Math.abs(diag[k]) <= RANK_TOLERANCE * maxDiag) return null;

  // Back substitution on R: diagonal in `diag`, entries above it left in cols[j][k] (j > k).
  const x = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let s = y[k];
    for (let j = k + 1; j < n; j++) s -= cols[j][k] * x[j];
    x[k] = s / diag[k];
  }
  return x.map((v, j) => v / scale[j]);
}
