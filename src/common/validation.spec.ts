import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation';

class SkillRequirement {
  @IsString()
  skill: string;

  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}

class GapRequest {
  @IsString()
  roleTitle: string;

  @ValidateNested({ each: true })
  @Type(() => SkillRequirement)
  requiredSkills: SkillRequirement[];
}

const body: ArgumentMetadata = { type: 'body', metatype: GapRequest };

async function rejectionOf(value: unknown): Promise<DomainError> {
  try {
    await createValidationPipe().transform(value, body);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the value to be rejected');
}

describe('the global validation pipe', () => {
  it('names nested array fields by their path', async () => {
    const error = await rejectionOf({ roleTitle: '생산관리', requiredSkills: [{ skill: '용접', level: 3 }, { skill: 'CAD', level: 9 }] });
    expect(error).toMatchObject({ kind: 'validation', code: 'validation.failed' });
    expect(error.fields).toEqual([{ field: 'requiredSkills[1].level', code: 'max', message: 'level must not be greater than 5' }]);
  });

  it('refuses unknown fields, also nested ones', async () => {
    const error = await rejectionOf({ roleTitle: 'x', colour: 'red', requiredSkills: [{ skill: 'a', level: 1, extra: true }] });
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { field: 'colour', code: 'whitelistValidation', message: 'colour is not allowed' },
        { field: 'requiredSkills[0].extra', code: 'whitelistValidation', message: 'extra is not allowed' },
      ]),
    );
    expect(error.fields).toHaveLength(2);
  });

  it('reports every broken rule of a field', async () => {
    const error = await rejectionOf({ roleTitle: 7, requiredSkills: [] });
    expect(error.fields).toEqual([{ field: 'roleTitle', code: 'isString', message: 'roleTitle must be a string' }]);
  });

  it('returns an instance of the DTO when the input is valid', async () => {
    const value = await createValidationPipe().transform({ roleTitle: 'x', requiredSkills: [{ skill: 'a', level: 2 }] }, body);
    expect(value).toBeInstanceOf(GapRequest);
    expect(value.requiredSkills[0]).toBeInstanceOf(SkillRequirement);
  });
});
