import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** The console's sign-in settings and development sign-in; its files are served by consoleFiles. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
