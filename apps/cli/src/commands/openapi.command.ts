import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommandRunner } from 'nest-commander';
import { projectRoot } from '../../../../libs/core/src/index.js';
import { createApiApp } from '../../../api/src/create-api-app.js';
import { buildOpenApiDocument, stableJson } from '../../../api/src/openapi.js';

@Command({
  name: 'openapi',
  description: 'Write the OpenAPI document to openapi.json (committed; CI checks it)',
})
export class OpenApiCommand extends CommandRunner {
  async run(): Promise<void> {
    const app = await createApiApp();
    try {
      writeFileSync(join(projectRoot(), 'openapi.json'), stableJson(buildOpenApiDocument(app)));
      console.log('openapi.json written');
    } finally {
      await app.close();
    }
  }
}
