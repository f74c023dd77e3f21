/**
 * Reference solve with HiGHS (WASM) MIP on the same model as the engine: the same pairs and
 * scores, the whole problem at once, objective Σ (M + score)·x with M = 100·vacancies + 1 so
 * that filling comes first. Run as a child process (`node … highs-reference.ts problem.json
 * seconds`) so the parent can kill it: HiGHS's time_limit is not a hard stop and its heap is
 * capped at 2 GB. Prints one JSON line.
 */
import { readFileSync } from 'fs';
import highsLoader from 'highs';
import { OptimizationProblem } from '../src/matching/core/optimizer/optimization-problem';
import { referenceModel } from './native-model';

export interface HighsReferenceResult {
  readonly status: string;
  readonly ms: number;
  /** CPU time of the solve where the reference measures it (native solvers). */
  readonly cpuMs?: number | null;
  /** Native HiGHS: ms/cpuMs are the median of warmCalls calls after the first, timed like the engine's warm match(); these are the first call's. */
  readonly coldMs?: number;
  readonly coldCpuMs?: number;
  readonly warmCalls?: number;
  readonly filled: number | null;
  readonly score: number | null;
  /** HiGHS's proven bound on M·filled + score. */
  readonly bound: number | null;
  readonly fillWeight: number;
  readonly optimal: boolean;
}

async function main(): Promise<void> {
  const [file, seconds] = process.argv.slice(2);
  const problem = JSON.parse(readFileSync(file, 'utf8')) as OptimizationProblem;
  const started = performance.now();
  const highs = await highsLoader();
  const { fillWeight, numRows, starts, indices } = referenceModel(problem);
  const numCols = problem.pairs.length;
  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(problem.pairs, (pair) => fillWeight + pair.score),
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper: new Float64Array(numRows).fill(1),
    matrix: { format: 'csc', numRows, numCols, starts, indices, values: new Float64Array(indices.length).fill(1) },
    integrality: new Int32Array(numCols).fill(1),
  });
  try {
    model.options.set({ time_limit: Number(seconds), mip_rel_gap: 0, mip_abs_gap: 0.005, output_flag: false });
    model.run();
    const status = statusName(model.getModelStatus());
    let filled: number | null = null;
    let score: number | null = null;
    // primal_solution_status 2: a feasible solution exists (0: none, 1: infeasible point).
    if (Number(model.info.get('primal_solution_status')) === 2) {
      const values = model.getSolution().colValue;
      filled = 0;
      score = 0;
      problem.pairs.forEach((pair, index) => {
        if (values[index] > 0.5) {
          filled!++;
          score! += pair.score;
        }
      });
    }
    const bound = Number(model.info.get('mip_dual_bound'));
    const result: HighsReferenceResult = {
      status,
      ms: performance.now() - started,
      filled,
      score,
      bound: Number.isFinite(bound) ? bound : null,
      fillWeight,
      optimal: status === 'optimal',
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    model.dispose();
  }
}

function statusName(code: number): string {
  return code === 7 ? 'optimal' : code === 13 ? 'time-limit' : `status-${code}`;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
