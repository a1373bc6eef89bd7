import { ACTIVITY_ENTITIES } from '../../../libs/activity/src/index.js';
import { CORE_ENTITIES } from '../../../libs/core/src/index.js';
import { LABELS_ENTITIES } from '../../../libs/labels/src/index.js';
import { REPORTS_ENTITIES } from '../../../libs/reports/src/index.js';
import { SPACES_ENTITIES } from '../../../libs/spaces/src/index.js';

/**
 * Every entity of every lib: what the migrations must produce. Used by the drift check and by
 * `cli schema:diff`. Each domain lib adds its list here.
 */
export const ALL_ENTITIES = [
  ...CORE_ENTITIES,
  ...SPACES_ENTITIES,
  ...ACTIVITY_ENTITIES,
  ...LABELS_ENTITIES,
  ...REPORTS_ENTITIES,
];
