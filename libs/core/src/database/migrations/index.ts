import type { MigrationInterface } from 'typeorm';
import { CoreAndReferenceData1732000000000 } from './1732000000000-core-and-reference-data.js';

/** Every migration, in order. Listed explicitly so that bundling or globbing can never miss one. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [CoreAndReferenceData1732000000000];
