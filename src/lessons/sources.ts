/**
 * The five field reports the lessons reproduce, retold in the app's words: what was tried,
 * the numbers reported, what went wrong and what was learned. Each names the lessons that
 * reproduce it (and each lesson names its reports back: test/core/sources-links.test.ts).
 */

/** A field report's id (the lessons' `sources` name these). */
export type SourceId = 'marc-threads-gil' | 'batch-pipeline-workers' | 'market-data-files' | 'probe-preprocessing' | 'interpreter-bulk-insert';

export interface SourceNumber {
  label: string;
  value: string;
}

/** A lesson that reproduces part of a report, and which part. */
export interface SourceLesson {
  id: string;
  reproduces: string;
}

export interface Source {
  id: SourceId;
  /** The report's place in the original collection (000…004). */
  number: string;
  /** A title a student understands. */
  title: string;
  /** What was built or tried, and how it was measured. */
  tried: string;
  /** The figures the report gives (estimates are said to be estimates). */
  numbers: SourceNumber[];
  wentWrong: string;
  learned: string;
  /** In teaching order. */
  lessons: SourceLesson[];
}

export const SOURCES: readonly Source[] = [
  {
    id: 'marc-threads-gil',
    number: '000',
    title: 'A Python MARC library whose threads took turns',
    tried:
      'A library-catalogue project planned parallel benchmarks for its MARC-record reader in three forms: the Rust ' +
      'reader spread over cores with rayon, its Python bindings driven by a pool of 4 threads, and an older pure-Python ' +
      'library driven by a pool of 4 processes. A feasibility run of the Python bindings came first.',
    numbers: [
      { label: 'Bindings, 1,000 records, 1 → 4 threads', value: '20.96 ms → 14.88 ms: 1.41× (3.5–4× expected)' },
      { label: 'Bindings, 10,000 records, 1 → 4 threads', value: '40.85 ms → 42.22 ms: 0.97×, a slowdown' },
      { label: 'Rust reader with rayon, 4 cores (expected)', value: '93 ms → 24 ms: 3.8×' },
      { label: 'Pure-Python library, 4 processes (expected)', value: '1.4 s → 350 ms' },
    ],
    wentWrong:
      'The threads ran, but one at a time: the Rust extension never released Python’s global interpreter lock, so ' +
      'four threads took turns on one core. The study called it a design gap rather than a bug.',
    learned:
      'Tasks that merely interleave are concurrency, not parallelism: extra cores help only when the code lets the ' +
      'threads run at once. Process pools do run in parallel, but each process must be handed its data. Measuring ' +
      'against an expected speedup is what exposed the lock.',
    lessons: [
      { id: 'concurrency-not-parallelism', reproduces: 'tasks that take turns on one thread against workers on their own cores' },
      { id: 'copy-transfer-share', reproduces: 'what handing the data to separate workers costs' },
    ],
  },
  {
    id: 'batch-pipeline-workers',
    number: '001',
    title: 'A Python batch pipeline where 4 workers were no faster than 2',
    tried:
      'A pipeline that turns XML records into database rows had a benchmark script comparing a process pool of 2 ' +
      'and of 4 workers on a batch of 50 records (the real data had 168). A review of the script explained the result ' +
      'and proposed how to measure instead.',
    numbers: [
      { label: 'Throughput, 2 vs 4 workers', value: 'the same (4 workers possibly slower)' },
      { label: 'Pool cost, estimated', value: '200–500 ms: creation and shutdown 100–200 ms each, 50–100 ms per worker' },
      { label: 'Shares of 50 records over 4 workers', value: '12, 12, 13, 13' },
      { label: 'Worked example, 168 records', value: '30 s on 2 workers, 32 s on 4' },
    ],
    wentWrong:
      'Fixed costs (starting the pool, messages, shutdown) were large next to 50 records; database lock contention ' +
      'grew with the workers; uneven shares left workers idle. And the script’s efficiency — summed per-record times ' +
      'divided by wall time × workers — can exceed 100 %, with no single-worker baseline to compare with.',
    learned:
      'Measure speedup against one worker on the same data and take efficiency = speedup ÷ workers; use enough records ' +
      '(1,000 or more, generated if need be) for the fixed costs to amortise; repeat runs and report the median and ' +
      'spread; try batch sizes from 50 to 2,000 to find the sweet spot.',
    lessons: [
      { id: 'overhead-small-batches', reproduces: 'start-up and messaging swamping a small batch' },
      { id: 'speedup-not-efficiency', reproduces: 'the summed-times “efficiency” that passes 100 %' },
      { id: 'uneven-work', reproduces: 'uneven shares and the search for a batch size' },
      { id: 'more-workers-than-cores', reproduces: 'more workers adding nothing, or making it slower' },
    ],
  },
  {
    id: 'market-data-files',
    number: '002',
    title: 'A Julia market-data reader that parallelised files, not records',
    tried:
      'A Julia reader of a binary market-data format, at 2.8 million records per second on one thread, weighed splitting ' +
      'one file over threads (a producer reading batches, consumers parsing them) against reading many files at once, ' +
      'one per thread, and profiled where its time went.',
    numbers: [
      { label: 'One file over 4 threads (estimated)', value: '+50 % at best, about +20 % realistically' },
      { label: 'Many files over 4 cores (estimated)', value: 'linear, about 11 million records/s in all' },
      { label: 'Profile of one file', value: 'system calls ~40 %, parsing ~40 %, garbage collection ~20 %' },
      { label: 'Amdahl with 20 % serial I/O', value: '1.67× on 2, 2.50× on 4, 3.33× on 8, never above 5×' },
    ],
    wentWrong:
      'Records of varying length cannot be found without parsing, so splitting one file needs boundary tracking, ' +
      'channels, extra buffers and care to keep the order — and the serial reading still caps the gain.',
    learned:
      'Parallelise across independent inputs, which scale with the cores at no coordination cost; within one file, ' +
      'attack the serial part first (buffered reading was expected to give +40 % alone). The figures were estimates, ' +
      'which is why the lessons measure them.',
    lessons: [
      { id: 'amdahl-wall', reproduces: 'the 1.67×, 2.5×, 3.33× and 5× ceiling of a 20 % serial part' },
      { id: 'many-files-vs-one', reproduces: 'workers with their own inputs against one buffer that must be indexed first' },
    ],
  },
  {
    id: 'probe-preprocessing',
    number: '003',
    title: 'A network-measurement preprocessing job: one query and four processes',
    tried:
      'A job that prepares 500,028 network measurements from 18,928 probes first ran one database query per probe, ' +
      'one after another. The new version runs one GROUP BY query, hands the groups to 4 worker processes that each ' +
      'write their own part file, and merges the parts at the end.',
    numbers: [
      { label: 'Whole job', value: '105.15 s → 6.2 s: 17.0×' },
      { label: 'Query phase', value: 'about 90 s (18,928 queries) → 2.7 s (one query): 33.3×' },
      { label: 'Processing on 4 workers', value: 'about 15 s → 2.8 s: 5.4×' },
      { label: 'Merging the part files', value: '0.7 s, 12 % of the new time' },
    ],
    wentWrong:
      'Nothing broke, but the headline mixes two changes: most of the 17× came from replacing thousands of queries by ' +
      'one, not from the 4 workers; and the merge is serial work that grows with the output.',
    learned:
      'Remove repeated per-key work (the “N + 1 queries” pattern) before adding workers, and credit each gain to its ' +
      'cause phase by phase. Workers that write their own results avoid sending everything back through one process.',
    lessons: [
      { id: 'group-by-vs-n-plus-1', reproduces: 'one scan per key against one grouping pass, and the merge that follows' },
      { id: 'copy-transfer-share', reproduces: 'keeping results with the workers instead of shipping them back' },
    ],
  },
  {
    id: 'interpreter-bulk-insert',
    number: '004',
    title: 'A Rust interpreter’s parallel bulk insert, measured and reverted',
    tried:
      'An interpreter spread the serialisation step of its bulk inserts over a rayon thread pool, switching to parallel ' +
      'above 100 items, then above 1,000.',
    numbers: [
      { label: 'Above 100 items', value: '2–12 % slower at every batch size' },
      { label: '10 / 100 / 1,000 items, sequential → parallel', value: '100 µs → 150 µs, 1 ms → 5 ms, 10 ms → 64.7 ms' },
      { label: 'Share that was parallelised', value: 'about 10 % (the rest: a structure that is not thread-safe)' },
      { label: 'Amdahl bound on 36 cores', value: '1.11×' },
    ],
    wentWrong:
      'Coordinating the pool cost 50–100 µs against about 1 µs of work per item; at the 1,000-item threshold the ' +
      'program crashed when many parallel allocations exhausted the memory allocator; and the 90 % that dominated ' +
      'could not run in parallel at all. The change was reverted.',
    learned:
      'Profile first and compute the Amdahl bound before writing parallel code; parallelise only where the work per ' +
      'task dwarfs the overhead; test parallel code at full scale.',
    lessons: [
      { id: 'overhead-small-batches', reproduces: 'pool coordination outweighing tiny batches' },
      { id: 'amdahl-wall', reproduces: 'the law that explained why it could not pay off' },
      { id: 'parallelise-right-part', reproduces: 'parallelising the 10 % while the 90 % stays serial' },
    ],
  },
];

/** The report with this id, or undefined. */
export function sourceById(id: string): Source | undefined {
  return SOURCES.find((s) => s.id === id);
}
