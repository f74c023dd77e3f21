import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Skill and certification codes: lower-case words joined by hyphens, e.g. `cnc-milling`. */
export const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CODE_MESSAGE = '$property must be a lower-case code like cnc-milling';

/** Shared by leave gaps (required/preferred) and seekers (what they can do). */
export class SkillDto {
  @ApiProperty({ example: 'cnc-milling' })
  @IsString()
  @MaxLength(64)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 novice … 5 expert' })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}
