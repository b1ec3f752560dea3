import { Count, Day, Text, Id } from './response-fields';

/** A person named in an answer: a member, or a non-member on record (a guest, a concurrent holder). */
export class PersonDto {
  @Id({ description: 'A member id, or for a non-member the person id on record.' })
  readonly personId!: string;

  @Text({ example: '王秀英' })
  readonly name!: string;
}

/** Who recorded an event: the verified token's subject, name and role. */
export class ActorDto {
  @Text()
  readonly id!: string;

  @Text()
  readonly name!: string;

  @Text({ description: 'admin, auditor or reporter (or `system` for the workers).' })
  readonly role!: string;
}

/** A term of office, from its first to its last day. */
export class TermDto {
  @Day()
  readonly start!: string;

  @Day()
  readonly end!: string;
}

/** The votes on a motion or an officer: for, against, abstaining. */
export class MotionDto {
  @Count()
  readonly for!: number;

  @Count()
  readonly against!: number;

  @Count()
  readonly abstain!: number;
}
