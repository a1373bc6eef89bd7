import { Module } from '@nestjs/common';
import { ActivityModule } from '../../../libs/activity/src/index.js';
import { CoreModule } from '../../../libs/core/src/index.js';
import { RegistryModule } from '../../../libs/spaces/src/index.js';
import { BackupCommand } from './commands/backup.command.js';
import { ExportCommand } from './commands/export.command.js';
import { ImportCommand } from './commands/import.command.js';
import { MigrateCommand } from './commands/migrate.command.js';
import { OpenApiCommand } from './commands/openapi.command.js';
import { RestoreCommand } from './commands/restore.command.js';
import { SchemaDiffCommand } from './commands/schema-diff.command.js';
import { UsersCreateCommand } from './commands/users-create.command.js';

@Module({
  // ActivityModule adds the weekly-activity and training-sessions kinds to import and export.
  imports: [CoreModule.forRoot(), RegistryModule, ActivityModule],
  providers: [
    MigrateCommand,
    UsersCreateCommand,
    SchemaDiffCommand,
    OpenApiCommand,
    ImportCommand,
    ExportCommand,
    BackupCommand,
    RestoreCommand,
  ],
})
export class CliModule {}
