import { EARTH_RADIUS_KM } from './commute';
import { GeoPoint } from './types';

/**
 * Vacancies bucketed by a key (a required skill code, or '' for none) and by 0.1° × 0.1°
 * cells, so that a seeker is tested only against the vacancies within its commute reach
 * whose key skill it has, instead of against all of them.
 */

const CELL_DEGREES = 0.1;
/** Keeps the search box conservative against rounding; the exact test runs afterwards. */
const REACH_MARGIN_KM = 0.01;
const DEGREES_PER_RADIAN = 180 / Math.PI;

interface Cell {
  readonly row: number;
  readonly column: number;
  readonly vacancies: number[];
}

interface Layer {
  readonly cells: Map<number, Cell>;
  readonly populated: Cell[];
}

export type VacancyGrid = ReadonlyMap<string, Layer>;

const rowOf = (lat: number) => Math.floor(lat / CELL_DEGREES);
const columnOf = (lng: number) => Math.floor(lng / CELL_DEGREES);
const cellKey = (row: number, column: number) => (row + 1000) * 4000 + (column + 2000);

export function buildVacancyGrid(vacancies: readonly { readonly location: GeoPoint; readonly key: string }[]): VacancyGrid {
  const layers = new Map<string, Layer>();
  vacancies.forEach(({ location, key }, vacancy) => {
    let layer = layers.get(key);
    if (!layer) {
      layer = { cells: new Map(), populated: [] };
      layers.set(key, layer);
    }
    const row = rowOf(location.lat);
    const column = columnOf(location.lng);
    let cell = layer.cells.get(cellKey(row, column));
    if (!cell) {
      cell = { row, column, vacancies: [] };
      layer.cells.set(cellKey(row, column), cell);
      layer.populated.push(cell);
    }
    cell.vacancies.push(vacancy);
  });
  return layers;
}

interface SearchBox {
  readonly rows: { readonly from: number; readonly to: number };
  /** One column range, or two when the box crosses the antimeridian. */
  readonly columns: ReadonlyArray<{ readonly from: number; readonly to: number }>;
}

/** Cells that may hold a point within `reachKm` great-circle distance of `center`. */
function searchBox(center: GeoPoint, reachKm: number): SearchBox {
  const angle = (reachKm + REACH_MARGIN_KM) / EARTH_RADIUS_KM;
  const latFrom = center.lat - angle * DEGREES_PER_RADIAN;
  const latTo = center.lat + angle * DEGREES_PER_RADIAN;
  const rows = { from: rowOf(Math.max(-90, latFrom)), to: rowOf(Math.min(90, latTo)) };
  const everyColumn = { columns: [{ from: columnOf(-180), to: columnOf(180) }] };
  const cosLat = Math.cos((center.lat * Math.PI) / 180);
  if (latFrom <= -90 || latTo >= 90 || Math.sin(angle) >= cosLat) return { rows, ...everyColumn };
  const lngSpan = Math.asin(Math.sin(angle) / cosLat) * DEGREES_PER_RADIAN;
  const lngFrom = center.lng - lngSpan;
  const lngTo = center.lng + lngSpan;
  if (lngTo - lngFrom >= 360) return { rows, ...everyColumn };
  if (lngFrom < -180) {
    return { rows, columns: [{ from: columnOf(lngFrom + 360), to: columnOf(180) }, { from: columnOf(-180), to: columnOf(lngTo) }] };
  }
  if (lngTo > 180) {
    return { rows, columns: [{ from: columnOf(lngFrom), to: columnOf(180) }, { from: columnOf(-180), to: columnOf(lngTo - 360) }] };
  }
  return { rows, columns: [{ from: columnOf(lngFrom), to: columnOf(lngTo) }] };
}

/** Calls `visit` for every vacancy under one of `keys` in a cell that the seeker's reach may touch. */
export function forEachVacancyWithin(
  grid: VacancyGrid,
  keys: Iterable<string>,
  center: GeoPoint,
  reachKm: number,
  visit: (vacancy: number) => void,
): void {
  if (reachKm < 0) return;
  const box = searchBox(center, reachKm);
  for (const key of keys) {
    const layer = grid.get(key);
    if (layer) visitLayer(layer, box, visit);
  }
}

function visitLayer(grid: Layer, box: SearchBox, visit: (vacancy: number) => void): void {
  const rowCount = box.rows.to - box.rows.from + 1;
  const cellCount = box.columns.reduce((sum, range) => sum + rowCount * (range.to - range.from + 1), 0);
  const inBox = (cell: Cell) =>
    cell.row >= box.rows.from &&
    cell.row <= box.rows.to &&
    box.columns.some((range) => cell.column >= range.from && cell.column <= range.to);

  if (cellCount > grid.populated.length) {
    for (const cell of grid.populated) if (inBox(cell)) cell.vacancies.forEach(visit);
    return;
  }
  for (let row = box.rows.from; row <= box.rows.to; row++) {
    for (const range of box.columns) {
      for (let column = range.from; column <= range.to; column++) {
        grid.cells.get(cellKey(row, column))?.vacancies.forEach(visit);
      }
    }
  }
}
