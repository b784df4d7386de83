/** The plain tables shown beside every chart ("show data"), and the cell format they share. */

/** A plain table: what DataTable shows beside every chart, and what a person copies. */
export interface TableModel {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** Fixed-decimal text for table cells (copyable, no thousands separators). */
export function cell(n: number | undefined, digits = 3): string {
  if (n === undefined || Number.isNaN(n)) return '';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  return n.toFixed(digits);
}
