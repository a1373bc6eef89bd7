import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-catalogue.js';

export const JOB_HANDLER_METADATA = 'ocr:job-handler';

/** Marks a provider method as the handler of one job. Only providers of the worker app use it. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_METADATA, name);
