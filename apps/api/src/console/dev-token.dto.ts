import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ROLES, type Role } from '@app/application';
import { Optional } from '../http/optional';

export class DevTokenBody {
  @ApiProperty({ enum: ROLES, description: 'The role the token carries.' })
  @IsIn(ROLES)
  readonly role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Administrators only: limit the token to this committee.' })
  @Optional()
  @IsUUID()
  readonly committeeId?: string;
}

export class DevToken {
  @ApiProperty({ description: 'A bearer token for the API, signed with the development secret.' })
  readonly token!: string;

  @ApiProperty({ enum: ROLES })
  readonly role!: Role;

  @ApiProperty({ example: '管理员（开发）' })
  readonly name!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  readonly committeeId!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the token expires.' })
  readonly expiresAt!: string;
}

export class ConsoleOidc {
  @ApiProperty({ example: 'https://id.example.gov/realms/bureau' })
  readonly issuer!: string;

  @ApiProperty({ example: 'branchflow-console' })
  readonly clientId!: string;

  @ApiProperty({ example: 'openid profile' })
  readonly scope!: string;

  @ApiProperty({ nullable: true, type: String, description: 'RFC 8707 resource indicator to ask for.' })
  readonly resource!: string | null;
}

export class ConsoleConfig {
  @ApiProperty({
    description:
      'Whether this caller may sign in by picking a role (POST /auth/dev-token): development only, from this machine only.',
  })
  readonly devSignIn!: boolean;

  @ApiProperty({ type: ConsoleOidc, nullable: true, description: 'The OpenID Connect provider to sign in with.' })
  readonly oidc!: ConsoleOidc | null;
}
