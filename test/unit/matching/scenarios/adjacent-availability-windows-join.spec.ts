import { expectGoldenScenario } from '../support/golden-scenario';

test('adjacent availability windows join', () => {
  expectGoldenScenario('adjacent-availability-windows-join');
});
