import { estimatedCommuteMinutes, greatCircleKm, reachKm } from '../../../src/matching/core/commute';

const SEOUL_CITY_HALL = { lat: 37.5663, lng: 126.9779 };
const BUSAN_CITY_HALL = { lat: 35.1798, lng: 129.075 };

describe('commute model', () => {
  test('haversine distance with R = 6371.0088 km', () => {
    // One degree of latitude is R × π / 180.
    expect(greatCircleKm({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
    expect(greatCircleKm(SEOUL_CITY_HALL, BUSAN_CITY_HALL)).toBeCloseTo(324.9, 0);
    expect(greatCircleKm(SEOUL_CITY_HALL, SEOUL_CITY_HALL)).toBe(0);
  });

  test('minutes = overhead + 60 × detour × d / speed, per mode', () => {
    const tenKmNorth = { lat: (10 / 6371.0088) * (180 / Math.PI), lng: 0 };
    const origin = { lat: 0, lng: 0 };
    expect(estimatedCommuteMinutes(origin, tenKmNorth, 'transit')).toBeCloseTo(10 + (60 * 1.3 * 10) / 25, 9);
    expect(estimatedCommuteMinutes(origin, tenKmNorth, 'car')).toBeCloseTo(5 + (60 * 1.3 * 10) / 30, 9);
    expect(estimatedCommuteMinutes(origin, tenKmNorth, 'bicycle')).toBeCloseTo(2 + (60 * 1.25 * 10) / 15, 9);
    expect(estimatedCommuteMinutes(origin, tenKmNorth, 'walk')).toBeCloseTo((60 * 1.2 * 10) / 4.5, 9);
  });

  test('reach is the distance whose estimate equals the limit; below the overhead there is none', () => {
    const reach = reachKm('transit', 60);
    const atReach = { lat: (reach / 6371.0088) * (180 / Math.PI), lng: 0 };
    expect(estimatedCommuteMinutes({ lat: 0, lng: 0 }, atReach, 'transit')).toBeCloseTo(60, 9);
    expect(reachKm('transit', 5)).toBeLessThan(0);
  });
});
