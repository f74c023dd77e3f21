import { expectGoldenScenario } from '../support/golden-scenario';

test('commute override beats model', () => {
  expectGoldenScenario('commute-override-beats-model');
});
