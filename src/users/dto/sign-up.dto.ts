import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { CreateSeekerDto } from '../../seekers/dto/seeker.dto';
import { NewAccountDto } from './user.dto';

/** The registration form of POST /seekers, without what only the Talent Bank may set. */
export class SelfRegisteredSeekerDto extends OmitType(CreateSeekerDto, ['waitingSince'] as const) {}

export class SeekerSignUpDto extends NewAccountDto {
  @ApiProperty({ type: SelfRegisteredSeekerDto, description: 'the seeker registration, with `consent: true` (PIPA)' })
  @IsObject()
  @ValidateNested()
  @Type(() => SelfRegisteredSeekerDto)
  seeker: SelfRegisteredSeekerDto;
}
