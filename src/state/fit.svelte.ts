/**
 * State of the "Analyse your own numbers" panel: the pasted text, the last analysis or
 * refusal, and the actions (analyse, load a file, load the example, download the CSV).
 * Files are read in the page with File.text(); nothing is uploaded.
 */
import { checkFileSize, parseScalingCsv } from '../core/fit/fit-input';
import { analyseScaling } from '../core/fit/fit-analysis';
import { fittedCsv } from '../core/fit/fit-export';
import { type ScalingAnalysis, type ScalingInputError } from '../core/fit/scaling-types';
import { downloadText, safeFilename } from '../storage/download';
import { errorText } from '../core/view/format';

/**
 * The example: SPEC SDM91 throughput against load (Gunther, "Guerrilla Capacity Planning",
 * Springer 2007, ch. 5; shipped as `specsdm91` by the R `usl` package). The seed reports'
 * own before/after numbers have only two worker counts, too few for a three-parameter fit.
 */
export const EXAMPLE_CSV = `# SPEC SDM91 benchmark: throughput (scripts/h) against load (users).
# Gunther, "Guerrilla Capacity Planning" (Springer 2007); R package usl, data set specsdm91.
n,throughput
1,64.9
18,995.9
36,1652.4
72,1853.2
108,1828.9
144,1775.0
216,1702.2
`;

/** A refused file, an unreadable one, or a bug surfacing (never silent). */
export type FitError =
  | ScalingInputError
  | { ok: false; code: 'unreadable' | 'internal'; message: string; line?: undefined; column?: undefined };

export type FitOutcome = { ok: true; analysis: ScalingAnalysis } | FitError;

export class FitState {
  /** What is in the text box. */
  text = $state('');
  /** Where the text came from, for the download's file name. */
  source = $state('pasted');
  /** The last analysis or refusal; replaced, never mutated. */
  outcome = $state.raw<FitOutcome | undefined>(undefined);
  /** The text the outcome belongs to. */
  analysedText = $state<string | undefined>(undefined);
  /** True while a file is being read. */
  loading = $state(false);

  readonly analysis = $derived(this.outcome?.ok ? this.outcome.analysis : undefined);
  readonly error = $derived(this.outcome && !this.outcome.ok ? this.outcome : undefined);
  /** The text changed since the shown analysis. */
  readonly stale = $derived(this.outcome !== undefined && this.analysedText !== this.text);

  /** Parses and analyses the text box. */
  analyse(): void {
    const text = this.text;
    try {
      const parsed = parseScalingCsv(text);
      this.outcome = parsed.ok ? { ok: true, analysis: analyseScaling(parsed) } : parsed;
    } catch (err) {
      // Not an expected refusal (those are values): say so rather than fail silently.
      const message = errorText(err);
      this.outcome = { ok: false, code: 'internal', message: `The analysis failed unexpectedly: ${message}` };
    }
    this.analysedText = text;
  }

  /** Reads a chosen file into the text box (size checked first) and analyses it. */
  async loadFile(file: File): Promise<void> {
    const tooLarge = checkFileSize(file.size);
    if (tooLarge) {
      this.outcome = tooLarge;
      this.analysedText = this.text;
      return;
    }
    this.loading = true;
    try {
      this.text = await file.text();
      this.source = file.name.replace(/\.[^.]*$/, '') || 'data';
      this.analyse();
    } catch (err) {
      const message = errorText(err);
      this.outcome = { ok: false, code: 'unreadable', message: `The file could not be read: ${message}` };
      this.analysedText = this.text;
    } finally {
      this.loading = false;
    }
  }

  /** Fills in the published example and analyses it. */
  loadExample(): void {
    this.text = EXAMPLE_CSV;
    this.source = 'specsdm91';
    this.analyse();
  }

  /** The fitted CSV of the current analysis. */
  csv(): string | undefined {
    return this.analysis ? fittedCsv(this.analysis) : undefined;
  }

  /** Offers the fitted CSV as a download (Blob, object URL, <a download>). */
  download(): void {
    const csv = this.csv();
    if (csv !== undefined) downloadText(safeFilename(`${this.source}-fitted.csv`), csv, 'text/csv');
  }
}
