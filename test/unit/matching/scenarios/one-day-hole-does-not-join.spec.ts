import { expectGoldenScenario } from '../support/golden-scenario';

test('one day hole does not join', () => {
  expectGoldenScenario('one-day-hole-does-not-join');
});
