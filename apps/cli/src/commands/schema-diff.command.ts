import { Command, CommandRunner } from 'nest-commander';
import {
  Environment,
  buildDataSourceOptions,
  pendingSchemaChanges,
  requireDatabaseUrl,
} from '../../../../libs/core/src/index.js';
import { ALL_ENTITIES } from '../schema.js';

@Command({
  name: 'schema:diff',
  description: 'Print the SQL the entities need beyond the migrations (empty when they agree)',
})
export class SchemaDiffCommand extends CommandRunner {
  constructor(private readonly env: Environment) {
    super();
  }

  async run(): Promise<void> {
    const sql = await pendingSchemaChanges(
      buildDataSourceOptions(requireDatabaseUrl(this.env), ALL_ENTITIES, 2),
    );
    console.log(sql.length ? `${sql.join(';\n')};` : '-- entities and migrations agree');
  }
}
