import { describe, expect, it } from 'vitest';
import { SAMPLE_COLUMNS, SAMPLE_COLUMN_DOCS, SUMMARY_COLUMNS, SUMMARY_COLUMN_DOCS, samplesCsv, summaryCsv } from '../../../src/core/io/csv';
import { makeRecord } from '../../helpers/run-records';

const CONFIG = [
  'strategy', 'workers', 'records', 'format', 'job', 'shipping', 'scheduling', 'batch_size', 'pool_life',
  'varlen_split', 'distinct_keys', 'key_skew', 'payload_bytes', 'cost_skew', 'work_rounds', 'serial_fraction',
  'seed', 'fault_at_record',
];
const RUN = ['run_id', 'label', 'lesson_id', 'created_at', 'status', 'point_index'];

describe('CSV columns', () => {
  it('the samples header is exactly SAMPLE_COLUMNS, which is this stable list', () => {
    expect([...SAMPLE_COLUMNS]).toEqual([
      ...RUN, 'role', 'repetition', ...CONFIG,
      'wall_ms', 'spawn_ms', 'init_ms', 'generate_ms', 'split_ms', 'ship_in_ms', 'compute_ms', 'ship_out_ms',
      'merge_ms', 'teardown_ms', 'throughput_records_per_s', 'digest_records', 'digest_checksum',
      'digest_table_hash', 'correct', 'user_agent', 'hardware_concurrency', 'cross_origin_isolated', 'shared_array_buffer', 'measured_cores',
      'timer_resolution_ms', 'device_memory_gib', 'app_version',
      'input', 'input_file', 'input_bytes', 'group_by', 'aggregate', 'kernel_hash',
    ]);
    expect(samplesCsv([]).split('\r\n')[0]).toBe(SAMPLE_COLUMNS.join(','));
    expect(samplesCsv([makeRecord()]).split('\r\n')[0]).toBe(SAMPLE_COLUMNS.join(','));
  });

  it('the summary header is exactly SUMMARY_COLUMNS, which is this stable list', () => {
    expect([...SUMMARY_COLUMNS]).toEqual([
      ...RUN, ...CONFIG, 'n', 'median_ms', 'ci95_lo_ms', 'ci95_hi_ms', 'mad_ms', 'mean_ms', 'sd_ms', 'min_ms',
      'max_ms', 'cv', 'all_correct', 'baseline_n', 'baseline_median_ms', 'speedup', 'speedup_ci95_lo',
      'speedup_ci95_hi', 'efficiency', 'karp_flatt',
      'input', 'input_file', 'input_bytes', 'group_by', 'aggregate', 'kernel_hash',
    ]);
    expect(summaryCsv([makeRecord()]).split('\r\n')[0]).toBe(SUMMARY_COLUMNS.join(','));
  });

  it('names are unique snake_case and every column is documented with a unit and a meaning', () => {
    for (const [columns, docs] of [[SAMPLE_COLUMNS, SAMPLE_COLUMN_DOCS], [SUMMARY_COLUMNS, SUMMARY_COLUMN_DOCS]] as const) {
      expect(new Set(columns).size).toBe(columns.length);
      for (const c of columns) {
        expect(c).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        expect(docs[c]?.unit, c).toMatch(/\S/);
        expect(docs[c]?.meaning, c).toMatch(/\S{3}/);
      }
      expect(Object.keys(docs).sort()).toEqual([...columns].sort());
    }
  });

  it('ends every row, the last one too, with CRLF and never a bare LF', () => {
    const csv = samplesCsv([makeRecord()]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv.split('\r\n')).toHaveLength(1 + 12 + 1);
  });
});
