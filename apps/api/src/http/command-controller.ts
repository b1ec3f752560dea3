import type { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandOutcome, DomainCommandMessage } from '@app/application';
import { respondWithOutcome } from './command-request';

/** What every command controller does with a built message: send it, answer with its outcome and ETag. */
export abstract class CommandController {
  constructor(protected readonly commands: CommandBus) {}

  protected async send(message: DomainCommandMessage<unknown>, response: Response): Promise<CommandOutcome> {
    return respondWithOutcome(response, await this.commands.execute<CommandOutcome>(message));
  }
}
