import { expectGoldenScenario } from '../support/golden-scenario';

test('chaining two consecutive gaps', () => {
  expectGoldenScenario('chaining-two-consecutive-gaps');
});
