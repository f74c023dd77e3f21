import { expectGoldenScenario } from '../support/golden-scenario';

test('fill first beats best single pair', () => {
  expectGoldenScenario('fill-first-beats-best-single-pair');
});
