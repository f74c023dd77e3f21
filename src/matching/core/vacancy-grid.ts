import { EARTH_RADIUS_KM } from './commute';

/**
 * Vacancies bucketed by an integer layer (e.g. a required skill) and by 0.1° × 0.1° cells,
 * so that a seeker is tested only against the vacancies within its commute reach in the
 * layers it can qualify for, instead of against all of them. Each layer's vacancies are
 * sorted by cell key, and a cell key is row-major: the cells of one row within a column
 * range are one contiguous stretch, found by one binary search.
 */

const CELL_DEGREES = 0.1;
/** Keeps the search box conservative against rounding; the exact test runs afterwards. */
const REACH_MARGIN_KM = 0.01;
const DEGREES_PER_RADIAN = 180 / Math.PI;
/** A row's cells take 2^12 keys (columns -1800 .. 1800, offset by 2000): a key's row is a shift, not a division. */
const COLUMN_BITS = 12;

const rowOf = (lat: number) => Math.floor(lat / CELL_DEGREES);
const columnOf = (lng: number) => Math.floor(lng / CELL_DEGREES);
const cellKey = (row: number, column: number) => ((row + 1000) << COLUMN_BITS) + (column + 2000);
const rowOfKey = (key: number) => (key >> COLUMN_BITS) - 1000;

export interface VacancyGrid {
  /** Layer l's vacancies are vacancies[layerStart[l] .. layerStart[l + 1] - 1], by cell key. */
  readonly layerStart: Int32Array;
  readonly keys: Int32Array;
  readonly vacancies: Int32Array;
}

/** `layer[v]` in 0 .. layerCount - 1 is vacancy v's layer. */
export function buildVacancyGrid(lat: ArrayLike<number>, lng: ArrayLike<number>, layer: Int32Array, layerCount: number): VacancyGrid {
  const count = layer.length;
  const cell = new Int32Array(count);
  for (let v = 0; v < count; v++) cell[v] = cellKey(rowOf(lat[v]), columnOf(lng[v]));
  const order = Array.from({ length: count }, (_, v) => v).sort((a, b) => layer[a] - layer[b] || cell[a] - cell[b] || a - b);
  const layerStart = new Int32Array(layerCount + 1);
  for (let v = 0; v < count; v++) layerStart[layer[v] + 1]++;
  for (let l = 0; l < layerCount; l++) layerStart[l + 1] += layerStart[l];
  const keys = new Int32Array(count);
  const vacancies = Int32Array.from(order);
  for (let at = 0; at < count; at++) keys[at] = cell[order[at]];
  return { layerStart, keys, vacancies };
}

/**
 * The cells that may hold a point within a reach: rows, and one column range or two when the
 * box crosses the antimeridian. Reused for every seeker, so the search allocates nothing.
 */
export class SearchBox {
  rowFrom = 0;
  rowTo = -1;
  readonly columnFrom = new Int32Array(2);
  readonly columnTo = new Int32Array(2);
  ranges = 0;

  /** Cells that may hold a point within `reachKm` great-circle distance of (lat, lng); none when the reach is negative. */
  aroundPoint(lat: number, lng: number, reachKm: number): void {
    if (reachKm < 0) {
      this.ranges = 0;
      return;
    }
    const angle = (reachKm + REACH_MARGIN_KM) / EARTH_RADIUS_KM;
    const latFrom = lat - angle * DEGREES_PER_RADIAN;
    const latTo = lat + angle * DEGREES_PER_RADIAN;
    this.rowFrom = rowOf(Math.max(-90, latFrom));
    this.rowTo = rowOf(Math.min(90, latTo));
    const cosLat = Math.cos((lat * Math.PI) / 180);
    if (latFrom <= -90 || latTo >= 90 || Math.sin(angle) >= cosLat) return this.columns(columnOf(-180), columnOf(180));
    const lngSpan = Math.asin(Math.sin(angle) / cosLat) * DEGREES_PER_RADIAN;
    const lngFrom = lng - lngSpan;
    const lngTo = lng + lngSpan;
    if (lngTo - lngFrom >= 360) return this.columns(columnOf(-180), columnOf(180));
    if (lngFrom < -180) return this.columns(columnOf(lngFrom + 360), columnOf(180), columnOf(-180), columnOf(lngTo));
    if (lngTo > 180) return this.columns(columnOf(lngFrom), columnOf(180), columnOf(-180), columnOf(lngTo - 360));
    this.columns(columnOf(lngFrom), columnOf(lngTo));
  }

  private columns(from: number, to: number, secondFrom?: number, secondTo?: number): void {
    this.columnFrom[0] = from;
    this.columnTo[0] = to;
    this.ranges = 1;
    if (secondFrom === undefined || secondTo === undefined) return;
    this.columnFrom[1] = secondFrom;
    this.columnTo[1] = secondTo;
    this.ranges = 2;
  }
}

/**
 * Appends to `out` (from `length`) every vacancy of `layer` in a cell of the box, row by row
 * (in key order when the box has one column range), and returns the new length; `out` must
 * have room for the layer's vacancies.
 */
export function collectVacancies(grid: VacancyGrid, layer: number, box: SearchBox, out: Int32Array, length: number): number {
  const layerFrom = grid.layerStart[layer];
  const layerTo = grid.layerStart[layer + 1];
  if (layerFrom === layerTo) return length;
  if (box.ranges === 1) return collectInOneRange(grid, layerFrom, layerTo, box, out, length);
  const { keys, vacancies } = grid;
  for (let row = box.rowFrom; row <= box.rowTo; row++) {
    for (let range = 0; range < box.ranges; range++) {
      const last = cellKey(row, box.columnTo[range]);
      for (let at = lowerBound(keys, layerFrom, layerTo, cellKey(row, box.columnFrom[range])); at < layerTo && keys[at] <= last; at++) {
        out[length++] = vacancies[at];
      }
    }
  }
  return length;
}

/**
 * One column range (every box that does not cross the antimeridian): a walk along the
 * layer's keys that jumps from where it is to the next row the layer has a vacancy in. A
 * binary search per row of the box, each from the layer's start, was most of the pair
 * search's own time: most rows of a small layer hold nothing near the seeker.
 */
function collectInOneRange(grid: VacancyGrid, layerFrom: number, layerTo: number, box: SearchBox, out: Int32Array, length: number): number {
  const { keys, vacancies } = grid;
  const columnFrom = box.columnFrom[0];
  const columnTo = box.columnTo[0];
  const lastKey = cellKey(box.rowTo, columnTo);
  // The box's cells in the row of the key last read are the keys rowFirst .. rowLast (none before the first).
  let rowFirst = 0;
  let rowLast = -1;
  let at = lowerBound(keys, layerFrom, layerTo, cellKey(box.rowFrom, columnFrom));
  while (at < layerTo) {
    const key = keys[at];
    if (key >= rowFirst && key <= rowLast) {
      out[length++] = vacancies[at++];
      continue;
    }
    if (key > lastKey) break;
    const row = rowOfKey(key);
    rowFirst = cellKey(row, columnFrom);
    rowLast = cellKey(row, columnTo);
    if (key < rowFirst) at = lowerBound(keys, at, layerTo, rowFirst);
    else if (key > rowLast) at = lowerBound(keys, at, layerTo, cellKey(row + 1, columnFrom));
  }
  return length;
}

/** First index in keys[from .. to - 1] (ascending) holding at least `key`. */
function lowerBound(keys: Int32Array, from: number, to: number, key: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
