import { expectGoldenScenario } from '../support/golden-scenario';

test('nobody fits diagnostics', () => {
  expectGoldenScenario('nobody-fits-diagnostics');
});
