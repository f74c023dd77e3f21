import { expectGoldenScenario } from '../support/golden-scenario';

test('equal boundaries are feasible', () => {
  expectGoldenScenario('equal-boundaries-are-feasible');
});
