/** The three kinds of users (ARCHITECTURE.md): who may do what is decided per route, denying by default. */
export const ROLES = ['admin', 'auditor', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** The authenticated caller, from a verified token. Stamped into every event's metadata as the actor. */
export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** An administrator limited to one party committee's branches; null for the whole organisation. */
  readonly committeeId: string | null;
}
