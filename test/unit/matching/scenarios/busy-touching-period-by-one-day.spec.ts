import { expectGoldenScenario } from '../support/golden-scenario';

test('busy touching period by one day', () => {
  expectGoldenScenario('busy-touching-period-by-one-day');
});
