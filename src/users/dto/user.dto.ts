import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { Role } from '../../auth/principal';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../passwords';
import type { User } from '../user.entity';

/** PostgreSQL text cannot hold NUL, and no name or email needs control characters: 400, not a driver error. */
export const NoControlCharacters = () =>
  Matches(/^[^\u0000-\u001f\u007f]*$/, { message: ({ property }) => `${property} must not contain control characters` });

/** A new password: at least MIN_PASSWORD_LENGTH characters. */
export function IsNewPassword(): PropertyDecorator {
  return (target, property) => {
    IsString()(target, property);
    MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })(target, property);
    MaxLength(MAX_PASSWORD_LENGTH)(target, property);
  };
}

export class NewAccountDto {
  @ApiProperty({ example: 'kim@example.kr', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, format: 'password' })
  @IsNewPassword()
  password: string;
}

export class FirstCoordinatorDto extends NewAccountDto {
  @ApiProperty({ example: '김채움', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  displayName: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['coordinator', 'firm', 'seeker'] }) role: Role;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) firmId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) seekerId: string | null;
}

export class SignedInResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    firmId: user.firmId,
    seekerId: user.seekerId,
  };
}
