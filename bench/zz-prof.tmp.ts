import 'reflect-metadata';
async function main() {
  process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bench_h8test';
  process.env.MATCH_WORKER = 'false';
  process.env.LOG_LEVEL = 'warn';
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { InstanceBuilder } = await import('../src/matching/instance-builder');
  const { rankCandidates } = await import('../src/matching/core/rank-candidates');
  const { plausibleSeekers } = await import('../src/matching/plausible-seekers');
  const { validateInstance } = await import('../src/matching/core/validate-instance');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const builder = app.get(InstanceBuilder);
  const gaps = process.argv.slice(2);
  for (let round = 0; round < 2; round++) for (const gap of gaps) {
    const t0 = performance.now();
    let tSql = 0;
    const instance = await builder.build({ leaveGapIds: [gap] }, { asOf: '2026-12-01', skipValidation: true, seekerFilter: async (m, [v]) => { const a = performance.now(); const p = await plausibleSeekers(m, v); tSql = performance.now() - a; return p.seekerIds; } });
    const t1 = performance.now();
    validateInstance(instance);
    const t2 = performance.now();
    rankCandidates(instance, gap, 20);
    const t3 = performance.now();
    console.log(`seekers ${instance.seekers.length} build ${(t1 - t0).toFixed(0)} (sql ${tSql.toFixed(0)}) validate ${(t2 - t1).toFixed(0)} rank ${(t3 - t2).toFixed(0)}`);
  }
  await app.close();
}
main();
