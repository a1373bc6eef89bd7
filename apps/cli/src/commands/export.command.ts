import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import type { CsvSeparator } from '../../../../libs/core/src/index.js';
import { ImportsService } from '../../../../libs/spaces/src/index.js';
import { CLI_PRINCIPAL, failed } from './import.command.js';

interface Options {
  out?: string;
  separator?: CsvSeparator;
}

@Command({
  name: 'export',
  arguments: '<kind>',
  description: 'Export every record of a kind as CSV, to a file (--out) or to standard output',
})
export class ExportCommand extends CommandRunner {
  constructor(private readonly imports: ImportsService) {
    super();
  }

  async run([kind]: string[], options: Options): Promise<void> {
    try {
      const { stream } = this.imports.export(kind, CLI_PRINCIPAL, options.separator ?? ',');
      if (options.out) {
        await pipeline(stream, createWriteStream(options.out));
        console.error(`written to ${options.out}`);
      } else {
        await pipeline(stream, process.stdout, { end: false });
      }
    } catch (error) {
      failed(error);
    }
  }

  @Option({ flags: '--out <file>', description: 'file to write (default: standard output)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--separator <separator>', description: '"," (default) or ";" (Excel, decimal commas)' })
  parseSeparator(value: string): CsvSeparator {
    if (value !== ',' && value !== ';') throw new Error('separator must be "," or ";"');
    return value;
  }
}
