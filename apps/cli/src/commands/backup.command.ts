import { Command, CommandRunner, Option } from 'nest-commander';
import { Environment, requireDatabaseUrl } from '../../../../libs/core/src/index.js';
import { runPgTool } from './pg-tools.js';

interface BackupOptions {
  out?: string;
}

@Command({
  name: 'backup',
  description: 'Write the whole database to a file (pg_dump custom format), for `restore`',
})
export class BackupCommand extends CommandRunner {
  constructor(private readonly env: Environment) {
    super();
  }

  async run(_args: string[], options: BackupOptions): Promise<void> {
    const out =
      options.out ?? `ocr-register-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.dump`;
    // Custom format: compressed, and pg_restore can recreate every object in dependency order.
    await runPgTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${out}`],
      requireDatabaseUrl(this.env),
    );
    console.log(`backup written: ${out}`);
  }

  @Option({ flags: '--out <file>', description: 'Where to write the backup' })
  parseOut(value: string): string {
    return value;
  }
}
