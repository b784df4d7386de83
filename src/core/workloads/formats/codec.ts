/** Format dispatch: encode / decode by format name, and record-boundary resynchronisation. */

import type { Format } from '../../model/types';
import { decodeCsv, encodeCsv } from './csv';
import { decodeFixed, encodeFixed, FIXED_RECORD_BYTES } from './fixed';
import { decodeVarlen, encodeVarlen, VARLEN_TERMINATOR } from './varlen';
import type { RecordColumns } from '../record';

/** Encodes columns in the given format. */
export function encode(format: Format, cols: RecordColumns): Uint8Array<ArrayBuffer> {
  switch (format) {
    case 'fixed':
      return encodeFixed(cols);
    case 'varlen':
      return encodeVarlen(cols);
    case 'csv':
      return encodeCsv(cols);
  }
}

/** Decodes bytes of the given format into columns; throws DataError on corrupt input. */
export function decode(format: Format, bytes: Uint8Array): RecordColumns {
  switch (format) {
    case 'fixed':
      return decodeFixed(bytes);
    case 'varlen':
      return decodeVarlen(bytes);
    case 'csv':
      return decodeCsv(bytes);
  }
}

/**
 * The first record start at or after byteOffset, or bytes.length if there is none.
 * varlen: the byte after the first 0x1D at or after byteOffset − 1 (so byteOffset itself
 * when it is a boundary); csv: likewise after '\n'; fixed: byteOffset rounded up to a
 * multiple of 32. Byte 0 is always a boundary. Scans forward only: never more than to the
 * next boundary.
 */
export function nextRecordStart(format: Format, bytes: Uint8Array, byteOffset: number): number {
  const n = bytes.length;
  if (!(byteOffset > 0)) {
    if (byteOffset === 0) return 0;
    throw new RangeError(`byteOffset must be a non-negative integer (got ${byteOffset})`);
  }
  if (!Number.isInteger(byteOffset)) throw new RangeError(`byteOffset must be a non-negative integer (got ${byteOffset})`);
  if (byteOffset >= n) return n;
  switch (format) {
    case 'fixed': {
      const p = Math.ceil(byteOffset / FIXED_RECORD_BYTES) * FIXED_RECORD_BYTES;
      return p < n ? p : n;
    }
    case 'varlen': {
      const t = bytes.indexOf(VARLEN_TERMINATOR, byteOffset - 1);
      return t < 0 ? n : t + 1;
    }
    case 'csv': {
      const t = bytes.indexOf(0x0a, byteOffset - 1);
      return t < 0 ? n : t + 1;
    }
  }
}
