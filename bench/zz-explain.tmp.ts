import { Client } from 'pg';
import { plausibleSeekers } from '../src/matching/plausible-seekers';
async function main() {
  const db = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/bench_h8test' });
  await db.connect();
  const [gap] = (await db.query(`SELECT * FROM leave_gaps WHERE id = $1`, [process.argv[2]])).rows;
  const vacancy = { id: gap.id, firmId: gap.firm_id, location: { lat: gap.site_lat, lng: gap.site_lng }, start: gap.placement_start.toISOString().slice(0,10), end: gap.placement_end.toISOString().slice(0,10), weeklyHours: gap.vacancy_weekly_hours, hourlyWage: gap.hourly_wage, requiredSkills: gap.required_skills, preferredSkills: [], requiredCertifications: gap.required_certifications, maxCommuteMinutes: gap.max_commute_minutes ?? undefined };
  let captured: { sql: string; params: unknown[] } | undefined;
  const fake = { query: async (sql: string, params: unknown[]) => { captured = { sql, params }; return [{ seeker_ids: [] }]; } };
  await plausibleSeekers(fake as never, vacancy as never);
  const t0 = performance.now();
  const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${captured!.sql}`, captured!.params as never[]);
  console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  console.log('ms', performance.now() - t0);
  const r = await db.query(captured!.sql.replace('AS seeker_ids,', 'AS seeker_ids, count(*) FILTER (WHERE skills::int + certifications::int + dates::int + hours::int + wage::int + blocked::int + commute::int = 0) AS feasible,'), captured!.params as never[]);
  console.log('kept', r.rows[0].seeker_ids.length, r.rows[0].feasible, JSON.stringify({ ...r.rows[0], seeker_ids: undefined }));
  await db.end();
}
main();
