import { int32Column } from './typed-columns';
import { OptimizationProblem } from './optimization-problem';

/**
 * Per seeker, its pairs as intervals, ready for weighted interval scheduling: the best set of
 * its pairs whose periods share no day, for any pair weights, in O(pairs) time.
 */
export class SeekerSchedules {
  /** Pairs of seeker s are order[offset[s] .. offset[s+1]), sorted by period end. */
  readonly offset: Int32Array;
  readonly order: Int32Array;
  /** Position (in order) of the last pair of the same seeker ending before this one starts, or -1. */
  private readonly previous: Int32Array;
  /** Pairs of seeker s by period start, and for each the first later position starting after its end. */
  private readonly startOrder: Int32Array;
  private readonly next: Int32Array;
  private readonly forward: Float64Array;
  private readonly backward: Float64Array;
  /** Per pair, the best schedule weight after its period ends (scratch of bestThrough). */
  private readonly after: Float64Array;
  private readonly forcedScratch: Float64Array;
  /** Position of each pair in `order`. */
  private readonly positionOf: Int32Array;

  constructor(problem: OptimizationProblem) {
    const pairCount = problem.pairs.length;
    const seekerCount = problem.seekerCount;
    const periods = problem.vacancyPeriods;
    const pairStart = int32Column(problem.pairs, (pair) => periods[pair.vacancy].start);
    const pairEnd = int32Column(problem.pairs, (pair) => periods[pair.vacancy].end);
    const startOf = (pair: number) => pairStart[pair];
    const endOf = (pair: number) => pairEnd[pair];
    const byEndOrder = (a: number, b: number) => pairEnd[a] - pairEnd[b] || pairStart[a] - pairStart[b] || a - b;
    const byStartOrder = (a: number, b: number) => pairStart[a] - pairStart[b] || pairEnd[a] - pairEnd[b] || a - b;

    this.offset = new Int32Array(seekerCount + 1);
    for (const pair of problem.pairs) this.offset[pair.seeker + 1]++;
    for (let s = 0; s < seekerCount; s++) this.offset[s + 1] += this.offset[s];
    const fill = this.offset.slice(0, seekerCount);
    this.order = new Int32Array(pairCount);
    this.startOrder = new Int32Array(pairCount);
    problem.pairs.forEach((pair, index) => {
      const slot = fill[pair.seeker]++;
      this.order[slot] = index;
      this.startOrder[slot] = index;
    });
    this.previous = new Int32Array(pairCount);
    this.next = new Int32Array(pairCount);
    for (let s = 0; s < seekerCount; s++) {
      const from = this.offset[s];
      const to = this.offset[s + 1];
      // Sorted in place: copying each seeker's pairs out with Array.from was most of the set-up.
      const byEnd = this.order.subarray(from, to).sort(byEndOrder);
      const byStart = this.startOrder.subarray(from, to).sort(byStartOrder);
      for (let i = 0; i < byEnd.length; i++) {
        // Largest j with end(byEnd[j]) < start(byEnd[i]).
        let low = 0;
        let high = i; // exclusive; ends are sorted and end(byEnd[i]) >= start(byEnd[i])
        const start = startOf(byEnd[i]);
        while (low < high) {
          const middle = (low + high) >> 1;
          if (endOf(byEnd[middle]) < start) low = middle + 1;
          else high = middle;
        }
        this.previous[from + i] = low === 0 ? -1 : from + low - 1;
      }
      for (let i = 0; i < byStart.length; i++) {
        // Smallest j with start(byStart[j]) > end(byStart[i]).
        let low = i + 1;
        let high = byStart.length;
        const end = endOf(byStart[i]);
        while (low < high) {
          const middle = (low + high) >> 1;
          if (startOf(byStart[middle]) <= end) low = middle + 1;
          else high = middle;
        }
        this.next[from + i] = from + low;
      }
    }
    this.forward = new Float64Array(pairCount);
    this.backward = new Float64Array(pairCount + 1);
    this.after = new Float64Array(pairCount);
    this.forcedScratch = new Float64Array(pairCount);
    this.positionOf = new Int32Array(pairCount);
    for (let position = 0; position < pairCount; position++) this.positionOf[this.order[position]] = position;
  }

  /**
   * Best schedule of seeker s for the given pair weights (pairs with weight ≤ 0 never help);
   * appends the chosen pairs to `picks` and returns the schedule's weight.
   */
  best(s: number, weight: Float64Array, picks: number[] | null): number {
    const from = this.offset[s];
    const to = this.offset[s + 1];
    const forward = this.forward;
    for (let position = from; position < to; position++) {
      const pair = this.order[position];
      const skip = position > from ? forward[position - 1] : 0;
      const w = weight[pair];
      if (w > 0) {
        const before = this.previous[position];
        const take = (before >= 0 ? forward[before] : 0) + w;
        forward[position] = take > skip ? take : skip;
      } else {
        forward[position] = skip;
      }
    }
    const value = to > from ? forward[to - 1] : 0;
    if (picks) {
      let position = to - 1;
      while (position >= from) {
        const skip = position > from ? forward[position - 1] : 0;
        if (forward[position] === skip) {
          position--;
        } else {
          picks.push(this.order[position]);
          position = this.previous[position];
        }
      }
    }
    return value;
  }

  /**
   * For pair `pair` of seeker s: returns the best schedule weight among schedules that contain
   * it, its own weight left out, and leaves in `withoutValue` the best among schedules without
   * it. One pass: positions before the pair's are shared by both DPs.
   */
  forcedAndWithout(s: number, pair: number, weight: Float64Array): number {
    const from = this.offset[s];
    const to = this.offset[s + 1];
    const at = this.positionOf[pair];
    const order = this.order;
    const previous = this.previous;
    const without = this.forward;
    const forced = this.forcedScratch;
    for (let position = from; position < at; position++) {
      const skip = position > from ? without[position - 1] : 0;
      const w = weight[order[position]];
      if (w > 0) {
        const before = previous[position];
        const take = (before >= 0 ? without[before] : 0) + w;
        without[position] = take > skip ? take : skip;
      } else {
        without[position] = skip;
      }
    }
    without[at] = at > from ? without[at - 1] : 0;
    const beforePair = previous[at];
    forced[at] = beforePair >= 0 ? without[beforePair] : 0;
    for (let position = at + 1; position < to; position++) {
      const w = weight[order[position]];
      const skip = without[position - 1];
      const forcedSkip = forced[position - 1];
      if (w > 0) {
        const before = previous[position];
        const take = (before >= 0 ? without[before] : 0) + w;
        without[position] = take > skip ? take : skip;
        // A schedule through the pair ending here has the pair at or before `before`.
        const forcedTake = before >= at ? forced[before] + w : -Infinity;
        forced[position] = forcedTake > forcedSkip ? forcedTake : forcedSkip;
      } else {
        without[position] = skip;
        forced[position] = forcedSkip;
      }
    }
    this.withoutValue = without[to - 1];
    return forced[to - 1];
  }

  /** Set by forcedAndWithout. */
  withoutValue = 0;

  /**
   * For every pair of seeker s, the best schedule weight among schedules that contain that
   * pair (written to `through[pair]`). Call after nothing else has used this object's scratch.
   */
  bestThrough(s: number, weight: Float64Array, through: Float64Array): void {
    const from = this.offset[s];
    const to = this.offset[s + 1];
    if (to === from) return;
    this.best(s, weight, null);
    const backward = this.backward;
    backward[to] = 0;
    for (let position = to - 1; position >= from; position--) {
      const pair = this.startOrder[position];
      const w = weight[pair];
      const after = backward[this.next[position]];
      const take = w > 0 ? w + after : after; // a non-positive pair is never worth taking
      backward[position] = take > backward[position + 1] ? take : backward[position + 1];
    }
    // Map each pair to its position in start order to read "best after its end".
    for (let position = from; position < to; position++) {
      const pair = this.startOrder[position];
      this.after[pair] = backward[this.next[position]];
    }
    for (let position = from; position < to; position++) {
      const pair = this.order[position];
      const before = this.previous[position];
      through[pair] = (before >= 0 ? this.forward[before] : 0) + weight[pair] + this.after[pair];
    }
  }
}
