import { createReadStream } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { LANGUAGES, isLanguage, type Language, type Principal } from '../../../../libs/core/src/index.js';
import {
  ImportRejectedException,
  ImportsService,
  type AuditActor,
} from '../../../../libs/spaces/src/index.js';

/** The CLI runs on the server, by whoever operates it: it may touch every space, as an admin. */
export const CLI_PRINCIPAL: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'cli',
  role: 'admin',
  regionCode: null,
  sessionId: 'cli',
  preferredLanguage: 'en',
};
export const CLI_ACTOR: AuditActor = { userId: null, label: 'cli' };

/** A plain message and exit code 1 (an unknown kind, a missing file, …), not a stack trace. */
export function failed(error: unknown): void {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

interface Options {
  dryRun?: boolean;
  lang?: Language;
}

@Command({
  name: 'import',
  arguments: '<kind> <file>',
  description:
    'Import a CSV file (kinds: spaces, animators, equipment, funding, …); all or nothing, as an admin. ' +
    'Prints the counts, or every invalid row and exits with code 1.',
})
export class ImportCommand extends CommandRunner {
  constructor(private readonly imports: ImportsService) {
    super();
  }

  async run([kind, file]: string[], options: Options): Promise<void> {
    try {
      // Streamed from disk: a file of any size is read in batches.
      const result = await this.imports.import(kind, createReadStream(file), {
        principal: CLI_PRINCIPAL,
        actor: CLI_ACTOR,
        dryRun: options.dryRun ?? false,
      });
      const counts = `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}`;
      console.log(result.dryRun ? `dry run, nothing saved: ${counts}` : counts);
    } catch (error) {
      if (!(error instanceof ImportRejectedException)) return failed(error);
      for (const row of error.formatErrors(options.lang ?? 'en')) console.error(row.message);
      const listed = error.errors.length;
      console.error(
        `${file} was not imported: ${error.errorCount} error(s)` +
          (listed < error.errorCount ? ` (the first ${listed} are listed)` : '') +
          '. Nothing was saved.',
      );
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--dry-run', description: 'check everything and report the counts, but save nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--lang <lang>', description: `language of the error messages: ${LANGUAGES.join(' | ')}` })
  parseLang(value: string): Language {
    if (!isLanguage(value)) throw new Error(`lang must be one of ${LANGUAGES.join(', ')}`);
    return value;
  }
}
