import { Command, CommandRunner, Option } from 'nest-commander';
import { Environment, requireDatabaseUrl } from '../../../../libs/core/src/index.js';
import { runPgTool } from './pg-tools.js';

interface RestoreOptions {
  yes?: boolean;
}

@Command({
  name: 'restore',
  arguments: '<file>',
  description: 'Replace the database contents with a backup made by `backup` (asks for --yes)',
})
export class RestoreCommand extends CommandRunner {
  constructor(private readonly env: Environment) {
    super();
  }

  async run([file]: string[], options: RestoreOptions): Promise<void> {
    if (!options.yes) {
      console.error('restore replaces every table of the database: run it again with --yes to go ahead.');
      process.exitCode = 2;
      return;
    }
    // --clean --if-exists drops each object before recreating it, so the result is the backup exactly;
    // one transaction, so a failed restore leaves the database as it was.
    await runPgTool(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        file,
      ],
      requireDatabaseUrl(this.env),
    );
    console.log(`restored: ${file}`);
  }

  @Option({ flags: '--yes', description: 'Confirm that the current contents may be replaced' })
  parseYes(): boolean {
    return true;
  }
}
