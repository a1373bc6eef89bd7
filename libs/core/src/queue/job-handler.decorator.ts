import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-catalogue.js';

export const JOB_HANDLER_METADATA = 'ocr:job-handler';
export const JOB_ABANDONED_METADATA = 'ocr:job-abandoned';

/** Marks a provider method as the handler of one job. Only providers of the worker app use it. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_METADATA, name);

/**
 * Marks a provider method, `(payload, error)`, as what to do when the queue gives one job up without
 * running its handler: its workers died every time they ran it (see JOB_START_LIMITS). The handler's
 * own failure handling never runs then, so this is the job's one chance to close what it serves, e.g.
 * to mark a run failed. At most one per job; jobs whose work something else closes need none.
 */
export const JobAbandoned = (name: JobName) => SetMetadata(JOB_ABANDONED_METADATA, name);
