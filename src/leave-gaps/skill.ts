/** A skill and its level (1 novice … 5 expert), as stored in jsonb and sent over the API. */
export interface SkillLevel {
  code: string;
  level: number;
}
