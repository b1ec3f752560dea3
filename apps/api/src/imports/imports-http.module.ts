import { Module } from '@nestjs/common';
import { ImportModule } from '@app/application';
import { ImportsController } from './imports.controller';

/** The bureau's workbook in: dry run, apply, progress and the template. */
@Module({ imports: [ImportModule], controllers: [ImportsController] })
export class ImportsHttpModule {}
