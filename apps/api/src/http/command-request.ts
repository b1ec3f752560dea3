import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Unauthenticated } from '../auth/auth-errors';
import { randomUUID } from 'node:crypto';
import type { BusinessCalendar, CommandContext, CommandOutcome } from '@app/application';
import type { Actor } from '@app/event-store';
import { ValidationFailed } from './validation';
import { DATE_OR_DATE_TIME_FORM, instantOf, isCalendarDate } from './calendar-date';
import type { CommandAnswer, CommandSubject } from './command-responses';

/** The actor recorded on events: the verified token's subject, name and role, never the request body. */
export function actorOf(request: AuthenticatedRequest): Actor {
  const principal = request.principal;
  // The guard authenticates every non-public route before its handler runs.
  if (!principal) throw new Unauthenticated({ kind: 'missing' });
  return { id: principal.id, name: principal.name, role: principal.role };
}

/** What a command request carries besides its body: the retry key, the revision seen, the actor. */
export interface CommandRequestMeta {
  readonly commandId: string;
  readonly expectedRevision: number | undefined;
  readonly actor: Actor;
  readonly requestId: string | undefined;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function commandMetaOf(request: AuthenticatedRequest & { id?: unknown }): CommandRequestMeta {
  const key = header(request, 'idempotency-key')?.trim();
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationFailed([
      { field: 'Idempotency-Key', messages: ['must be 1-200 characters of letters, digits, ".", "_", ":" or "-"'] },
    ]);
  }
  const ifMatch = header(request, 'if-match')?.trim();
  const match = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch);
  if (ifMatch !== undefined && !match) {
    throw new ValidationFailed([{ field: 'If-Match', messages: ['must be an ETag this API returned, e.g. "3"'] }]);
  }
  return {
    // Without a key a retry cannot be recognised; a fresh id keeps the command itself valid.
    commandId: key ?? randomUUID(),
    expectedRevision: match ? Number(match[1]) : undefined,
    actor: actorOf(request),
    requestId: typeof request.id === 'string' ? request.id : undefined,
  };
}

/** `@CommandMeta() meta: CommandRequestMeta` in a command endpoint. */
export const CommandMeta = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandMetaOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/**
 * The business date of the act: the body's `occurredAt` when given (an administrator records
 * what happened on the day it happened), else now. A date in the future is refused. The DTO has
 * already checked the form; it is checked again here because an Invalid Date would throw in
 * `toISOString` (a 500), and this is the one place every command's time passes through.
 *
 * A date-time (and now) is recorded as the bureau's clock shows it: 07:00 in Beijing on
 * 2022-10-22 is an act of 2022-10-22, judged under the rules in force that day, not one of the
 * previous day in UTC. A calendar date is that day, as given.
 */
export function commandContext(
  meta: CommandRequestMeta,
  occurredAt: string | undefined,
  calendar: BusinessCalendar,
  now = new Date(),
): CommandContext {
  const at = occurredAt === undefined ? now : instantOf(occurredAt);
  if (at === undefined) {
    throw new ValidationFailed([{ field: 'occurredAt', messages: [`must be ${DATE_OR_DATE_TIME_FORM}`] }]);
  }
  if (at.getTime() > now.getTime() + 5 * 60_000) {
    throw new ValidationFailed([{ field: 'occurredAt', messages: ['must not be in the future'] }]);
  }
  return {
    commandId: meta.commandId,
    actor: meta.actor,
    occurredAt: occurredAt !== undefined && isCalendarDate(occurredAt) ? at.toISOString() : calendar.localInstant(at),
    occurredAtDefaulted: occurredAt === undefined,
    expectedRevision: meta.expectedRevision,
  };
}

/**
 * Every command answers the same way: the id of the entity it created or addressed and its
 * outcome as JSON, the new revision as the ETag, and for a creation the entity's GET as Location.
 */
export function respondWithOutcome(
  response: Response,
  outcome: CommandOutcome,
  subject: CommandSubject,
  location?: string,
): CommandAnswer {
  if (outcome.revision !== null) response.setHeader('ETag', `"${outcome.revision}"`);
  if (location !== undefined) response.setHeader('Location', location);
  const { id, createdId } = subject;
  return { id, ...(createdId === undefined ? {} : { createdId }), ...outcome };
}
