/**
 * A jsonb array of skills as the contract's JSON text: only `code` and `level` of each, in their
 * order, as the builders' skillsOf takes them. A jsonb value's text is its JSON (strings escaped),
 * and concatenated it costs PostgreSQL less than json_build_object per skill.
 */
export const skillListJsonSql = (column: string) =>
  `coalesce((SELECT '[' || string_agg('{"code":' || coalesce((own.skill -> 'code')::text, 'null')
     || ',"level":' || coalesce((own.skill -> 'level')::text, 'null') || '}', ',' ORDER BY own.position) || ']'
   FROM jsonb_array_elements(${column}) WITH ORDINALITY AS own(skill, position)), '[]')`;

/**
 * Gap `gap` (a leave_gaps alias) as the contract's vacancy, the JSON text toVacancy's object
 * serialises to, key for key: a run reads thousands of gaps, and their rows' parsing, objects and
 * serialisation were the longest task a national run left on the event loop (38–64 ms at 5,000 gaps). A gap
 * that has already started is given from `asOf` (an SQL date expression). Uuids, numbers and
 * dates are concatenated raw, codes through their jsonb or to_json text.
 */
export const vacancyJsonSql = (gap: string, asOf: string) => `'{"id":"' || ${gap}.id::text || '","firmId":"' || ${gap}.firm_id::text
  || '","location":{"lat":' || ${gap}.site_lat::text || ',"lng":' || ${gap}.site_lng::text
  || '},"start":"' || greatest(${gap}.placement_start, ${asOf})::text || '","end":"' || ${gap}.placement_end::text
  || '","weeklyHours":' || ${gap}.vacancy_weekly_hours::text || ',"hourlyWage":' || ${gap}.hourly_wage::text
  || ',"requiredSkills":' || ${skillListJsonSql(`${gap}.required_skills`)}
  || ',"preferredSkills":' || ${skillListJsonSql(`${gap}.preferred_skills`)}
  || ',"requiredCertifications":' || to_json(${gap}.required_certifications)::text
  || CASE WHEN ${gap}.max_commute_minutes IS NULL THEN '' ELSE ',"maxCommuteMinutes":' || ${gap}.max_commute_minutes::text END || '}'`;
