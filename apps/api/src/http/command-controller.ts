import type { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandOutcome, DomainCommandMessage } from '@app/application';
import { respondWithOutcome } from './command-request';
import type { CommandAnswer, CommandSubject } from './command-responses';

/** The entity a command created or addressed; `location` (for a 201) is the path of its GET. */
export interface CommandTarget extends CommandSubject {
  readonly location?: string;
}

/** A creation: the entity's id, and its GET under `collection` as the Location. */
export const created = (collection: string, id: string, createdId?: string): CommandTarget => ({
  id,
  ...(createdId === undefined ? {} : { createdId }),
  location: `${collection}/${encodeURIComponent(id)}`,
});

/** What every command controller does with a built message: send it, answer with its outcome and ETag. */
export abstract class CommandController {
  constructor(protected readonly commands: CommandBus) {}

  protected async send(
    message: DomainCommandMessage<unknown>,
    response: Response,
    target: CommandTarget,
  ): Promise<CommandAnswer> {
    const { location, ...subject } = target;
    return respondWithOutcome(response, await this.commands.execute<CommandOutcome>(message), subject, location);
  }
}
