import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../passwords';
import { NoControlCharacters } from './user.dto';

/** Not checked for form: a malformed email simply matches no account (401, like any other). */
export class SignInDto {
  @ApiProperty({ example: 'kim@example.kr' })
  @IsString()
  @MaxLength(254)
  @NoControlCharacters()
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

export class SetupStatusResponse {
  @ApiProperty({ description: 'true while no coordinator account exists: the console then asks for the first one' })
  needsFirstCoordinator: boolean;
}
