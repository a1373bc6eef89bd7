import type { MigrationInterface } from 'typeorm';
import { CoreAndReferenceData1732000000000 } from './1732000000000-core-and-reference-data.js';
import { SpaceRegistry1732100000000 } from './1732100000000-space-registry.js';
import { Activity1732200000000 } from './1732200000000-activity.js';
import { Labels1732300000000 } from './1732300000000-labels.js';
import { Reports1732400000000 } from './1732400000000-reports.js';
import { Outbox1732500000000 } from './1732500000000-outbox.js';
import { SpacesPostcode1732600000000 } from './1732600000000-spaces-postcode.js';
import { SessionRevocationNotify1732700000000 } from './1732700000000-session-revocation-notify.js';

/**
 * Every migration, in order. Listed explicitly so that bundling or globbing can never miss one. All
 * migrations live here, whichever lib owns the tables: the schema has one history.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  CoreAndReferenceData1732000000000,
  SpaceRegistry1732100000000,
  Activity1732200000000,
  Labels1732300000000,
  Reports1732400000000,
  Outbox1732500000000,
  SpacesPostcode1732600000000,
  SessionRevocationNotify1732700000000,
];
