import { expectGoldenScenario } from '../support/golden-scenario';

test('blocked firm and blocked pair', () => {
  expectGoldenScenario('blocked-firm-and-blocked-pair');
});
