import fc from 'fast-check';
import { buildVacancyGrid, collectVacancies, SearchBox } from '../../../src/matching/core/vacancy-grid';

/**
 * The grid's walk must return exactly the vacancies of the layer whose cell lies in the box,
 * in key order, whatever the box: one column range or two (across the antimeridian), rows
 * the layer has nothing in, rows beyond every vacancy. The reference reads every vacancy.
 */
const RUNS = { seed: 20261208, numRuns: 300 };

interface Place {
  readonly lat: number;
  readonly lng: number;
  readonly layer: number;
}

const LAYERS = 3;
/** Clustered like the service's complexes, plus a few far away and next to the antimeridian. */
const place: fc.Arbitrary<Place> = fc.record({
  lat: fc.oneof(
    { arbitrary: fc.double({ min: 35, max: 35.6, noNaN: true }), weight: 8 },
    { arbitrary: fc.double({ min: -89.9, max: 89.9, noNaN: true }), weight: 1 },
  ),
  lng: fc.oneof(
    { arbitrary: fc.double({ min: 126.8, max: 127.4, noNaN: true }), weight: 6 },
    { arbitrary: fc.double({ min: 179.5, max: 180, noNaN: true }), weight: 2 },
    { arbitrary: fc.double({ min: -180, max: 180, noNaN: true }), weight: 1 },
  ),
  layer: fc.integer({ min: 0, max: LAYERS - 1 }),
});

const cellOf = (degrees: number) => Math.floor(degrees / 0.1);

function inBox(box: SearchBox, point: Place): boolean {
  const row = cellOf(point.lat);
  const column = cellOf(point.lng);
  if (row < box.rowFrom || row > box.rowTo) return false;
  for (let range = 0; range < box.ranges; range++) if (column >= box.columnFrom[range] && column <= box.columnTo[range]) return true;
  return false;
}

describe('vacancy grid', () => {
  it('walks on to the next row after a vacancy east of the box', () => {
    const grid = buildVacancyGrid([35.05, 35.15], [127.5, 127.0], Int32Array.from([0, 0]), 1);
    const box = new SearchBox();
    box.aroundPoint(35.1, 127.0, 10);
    const out = new Int32Array(2);
    expect(Array.from(out.subarray(0, collectVacancies(grid, 0, box, out, 0)))).toEqual([1]);
  });

  it('collects the vacancies of a layer inside the search box, in the order of their cells', () => {
    fc.assert(
      fc.property(
        fc.array(place, { minLength: 1, maxLength: 120, size: 'max' }),
        fc.double({ min: 34.8, max: 35.8, noNaN: true }),
        fc.oneof(fc.double({ min: 126.6, max: 127.6, noNaN: true }), fc.double({ min: 179, max: 180, noNaN: true })),
        fc.oneof(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: -1, max: 120, noNaN: true })),
        fc.integer({ min: 0, max: LAYERS - 1 }),
        (places, lat, lng, reachKm, layer) => {
          const grid = buildVacancyGrid(
            places.map((p) => p.lat),
            places.map((p) => p.lng),
            Int32Array.from(places, (p) => p.layer),
            LAYERS,
          );
          const box = new SearchBox();
          box.aroundPoint(lat, lng, reachKm);
          const out = new Int32Array(places.length);
          const collected = Array.from(out.subarray(0, collectVacancies(grid, layer, box, out, 0)));

          const expected = places
            .map((p, index) => ({ p, index }))
            .filter(({ p }) => p.layer === layer && box.ranges > 0 && inBox(box, p))
            .sort((a, b) => cellOf(a.p.lat) - cellOf(b.p.lat) || cellOf(a.p.lng) - cellOf(b.p.lng) || a.index - b.index)
            .map(({ index }) => index);
          // Two column ranges list a row's cells range by range, not in key order.
          if (box.ranges === 2) expect([...collected].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
          else expect(collected).toEqual(expected);
        },
      ),
      RUNS,
    );
  });
});
