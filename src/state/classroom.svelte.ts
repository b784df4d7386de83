/**
 * State of the Classroom view: the machines imported so far (share links pasted, share files
 * chosen), their lines, the machine table's order, and the merged CSV export. Kept for the
 * page's life, so switching views does not lose a class's results.
 */
import {
  classroomCsv,
  classroomLines,
  importIntoClassroom,
  sortLines,
  type ClassroomInput,
  type ClassroomMachine,
  type ClassroomSortKey,
  type MachineLine,
} from '../core/io/classroom';
import { encodeShare, SHARE_KEY, SHARE_LIMITS } from '../core/io/share-link';
import { downloadText, exportFilename } from '../storage';
import { plural } from '../core/view/format';

export class ClassroomState {
  machines = $state.raw<ClassroomMachine[]>([]);
  readonly lines: MachineLine[] = $derived(classroomLines(this.machines));
  sortKey = $state<ClassroomSortKey>('cores');
  descending = $state(false);
  readonly sorted: MachineLine[] = $derived(sortLines(this.lines, this.sortKey, this.descending));
  /** What the last action did, for a status line. */
  notice = $state<{ text: string; problems: string[] } | null>(null);

  /** Adds what the inputs hold; says how many were added, already there, or unreadable. */
  add(inputs: readonly ClassroomInput[]): void {
    const r = importIntoClassroom(this.machines, inputs);
    this.machines = r.machines;
    const parts = [`Added ${plural(r.added, 'machine')}`];
    if (r.duplicates.length) parts.push(`${r.duplicates.length} already here (${r.duplicates.slice(0, 5).join(', ')}${r.duplicates.length > 5 ? ', …' : ''})`);
    if (r.problems.length) parts.push(`${r.problems.length} could not be read`);
    this.notice = { text: `${parts.join('; ')}. ${this.machines.length} in all.`, problems: r.problems.map((p) => `${p.source}: ${p.message}`) };
  }

  /** Reads chosen files (share files, or text files of links) and adds them. */
  async addFiles(files: readonly File[]): Promise<void> {
    const inputs: ClassroomInput[] = [];
    const tooBig: string[] = [];
    for (const file of files) {
      if (file.size > SHARE_LIMITS.jsonBytes) tooBig.push(`${file.name}: ${file.size} bytes, more than the ${SHARE_LIMITS.jsonBytes} a shared result may hold.`);
      else inputs.push({ source: file.name, text: await file.text() });
    }
    this.add(inputs);
    if (tooBig.length && this.notice) this.notice = { ...this.notice, problems: [...tooBig, ...this.notice.problems] };
  }

  /** Sorts the machine table by `key`; the same key again flips the order. */
  sortBy(key: ClassroomSortKey): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      this.descending = key === 'speedup';
    }
  }

  /** The `#share=…` address of one machine's result; undefined for an unknown id. */
  hashOf(id: string): string | undefined {
    const machine = this.machines.find((m) => m.id === id);
    return machine ? `#${SHARE_KEY}=${encodeShare(machine.shared)}` : undefined;
  }

  /** Saves every machine's points as one CSV. */
  exportCsv(save: (filename: string, text: string, mime: string) => void = downloadText): void {
    save(exportFilename('classroom', 'csv'), classroomCsv(this.machines), 'text/csv');
  }

  clear(): void {
    this.machines = [];
    this.notice = null;
  }
}

/** The page's one classroom. */
export const classroom = new ClassroomState();
