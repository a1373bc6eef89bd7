import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { notFound, projectRoot } from '../../../core/src/index.js';
import { schemeProblems, type LabelScheme } from '../rules/label-scheme.rule.js';
import { LabelSchemesRepository, type StoredScheme } from './label-schemes.repository.js';

export const SCHEMES_FOLDER = () => join(projectRoot(), 'config', 'labels');

/** Reads and checks every scheme file of a folder; throws with every problem of every file. */
export function readSchemeFiles(folder: string): LabelScheme[] {
  const schemes: LabelScheme[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let raw: any;
    try {
      raw = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const fileProblems = schemeProblems(raw);
    if (`${raw?.scheme}.${raw?.version}.json` !== file)
      fileProblems.push(`the file must be named ${raw?.scheme}.${raw?.version}.json`);
    if (fileProblems.length) problems.push(...fileProblems.map((p) => `${file}: ${p}`));
    else schemes.push(raw as LabelScheme);
  }
  if (problems.length) throw new Error(`Label scheme files are not valid:\n- ${problems.join('\n- ')}`);
  return schemes;
}

/**
 * Loads config/labels/*.json at start. A new version is stored next to the old ones; a stored version
 * is never overwritten. If a file differs from the version already stored, the process refuses to
 * start: a changed threshold must be published as a new version, or old evaluations would no longer
 * match the scheme they name.
 */
@Injectable()
export class LabelSchemesService implements OnModuleInit {
  private readonly logger = new Logger(LabelSchemesService.name);

  constructor(private readonly repo: LabelSchemesRepository) {}

  async onModuleInit(): Promise<void> {
    await this.load(SCHEMES_FOLDER());
  }

  async load(folder: string): Promise<void> {
    const changed: string[] = [];
    for (const scheme of readSchemeFiles(folder)) {
      const { sameAsStored } = await this.repo.storeIfAbsent(scheme);
      if (!sameAsStored) changed.push(`${scheme.scheme} ${scheme.version}`);
    }
    if (changed.length) {
      throw new Error(
        `Label scheme files differ from the stored versions: ${changed.join(', ')}. A stored version is never ` +
          `changed: restore the file, or publish the change as a new version (a new file with a new "version").`,
      );
    }
    this.logger.log('label schemes loaded');
  }

  list(): Promise<StoredScheme[]> {
    return this.repo.list();
  }

  async get(scheme: string, version: string): Promise<StoredScheme> {
    const found = await this.repo.find(scheme, version);
    if (!found) throw notFound('LABELS.SCHEME_NOT_FOUND', `There is no label scheme ${scheme} ${version}.`);
    return found;
  }

  async latest(scheme: string): Promise<StoredScheme> {
    const found = await this.repo.latest(scheme);
    if (!found) throw notFound('LABELS.SCHEME_NOT_FOUND', `There is no label scheme ${scheme}.`);
    return found;
  }
}
