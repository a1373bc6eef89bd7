/**
 * The one catalogue of queues, jobs and their payloads. Payloads carry ids and the correlation id,
 * never personal data. `enqueue(name, payload)` is typed against this map, so a wrong payload does
 * not compile; the worker refuses to start unless every job has exactly one handler.
 */
export enum QueueName {
  System = 'system',
  Activity = 'activity',
  Reports = 'reports',
  Labels = 'labels',
}

export enum JobName {
  SystemHeartbeat = 'system.heartbeat',
  SystemProbe = 'system.probe',
  ActivityReminders = 'activity.reminders',
  ReportsGenerate = 'reports.generate',
  LabelsEvaluateSpace = 'labels.evaluate-space',
  LabelsEvaluateBatch = 'labels.evaluate-batch',
  LabelsEvaluateRegion = 'labels.evaluate-region',
  LabelsStartRegion = 'labels.start-region',
  LabelsExpiry = 'labels.expiry',
}

interface JobBase {
  correlationId?: string;
}

export interface JobPayloads {
  [JobName.SystemHeartbeat]: JobBase;
  [JobName.SystemProbe]: JobBase & { probeId: string };
  /** Records (and e-mails) reminders for the last complete week as of `asOf` (default: now). */
  [JobName.ActivityReminders]: JobBase & { asOf?: string };
  /** Computes and renders one stored report run. */
  [JobName.ReportsGenerate]: JobBase & { reportId: string };
  /** Evaluates one space for an evaluation run; idempotent (the result is keyed by run and space). */
  [JobName.LabelsEvaluateSpace]: JobBase & { runId: string; spaceId: string };
  /**
   * Evaluates a batch of a region's spaces (a child of the region's flow) with one set-based pass;
   * idempotent like a single space. `batch` numbers it within the run, for its job id.
   */
  [JobName.LabelsEvaluateBatch]: JobBase & { runId: string; batch: number; spaceIds: string[] };
  /** The parent of a region's flow: runs after its children and aggregates the run. */
  [JobName.LabelsEvaluateRegion]: JobBase & { runId: string };
  /** Fans a region's run out into its flow (queued through the outbox with the run). */
  [JobName.LabelsStartRegion]: JobBase & { runId: string };
  /** Expires labels past their end date and records reminders 60 days ahead, as of `asOf` (default: today). */
  [JobName.LabelsExpiry]: JobBase & { asOf?: string };
}

interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** The natural key of the work: the same key means the same job (a double click enqueues once). */
  key: (payload: JobPayloads[N]) => string;
}

export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  [JobName.SystemHeartbeat]: { queue: QueueName.System, key: () => 'heartbeat' },
  [JobName.SystemProbe]: { queue: QueueName.System, key: (p) => p.probeId },
  [JobName.ActivityReminders]: { queue: QueueName.Activity, key: (p) => p.asOf ?? 'now' },
  [JobName.ReportsGenerate]: { queue: QueueName.Reports, key: (p) => p.reportId },
  [JobName.LabelsEvaluateSpace]: { queue: QueueName.Labels, key: (p) => `${p.runId}.${p.spaceId}` },
  [JobName.LabelsEvaluateBatch]: { queue: QueueName.Labels, key: (p) => `${p.runId}.b${p.batch}` },
  [JobName.LabelsEvaluateRegion]: { queue: QueueName.Labels, key: (p) => p.runId },
  [JobName.LabelsStartRegion]: { queue: QueueName.Labels, key: (p) => p.runId },
  [JobName.LabelsExpiry]: { queue: QueueName.Labels, key: (p) => p.asOf ?? 'now' },
};

/** BullMQ refuses ':' in custom ids, and pure integers; this keeps ids readable and unique per job name. */
export function jobId<N extends JobName>(name: N, payload: JobPayloads[N]): string {
  return `${name}.${JOBS[name].key(payload)}`.replace(/:/g, '_');
}

/** Retries, backoff and retention for every job, in one place. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} as const;

/**
 * How often a worker may take one job up. A job whose worker died (OOM, kill -9) is "stalled" and taken
 * up again; handlers are idempotent, so each attempt may be cut short that way once more: attempts plus
 * as many stalls. Past `maxStartedAttempts` the worker fails the job without running it, with an
 * UnrecoverableError, and the job's @JobAbandoned hears of it.
 *
 * `maxStalledCount` is BullMQ's other limit, enforced inside the queue's stalled-job check. A job stalls
 * only while active, and it becomes active only by being started, so its stall count never exceeds its
 * start count. That check fails a job at `maxStalledCount + 1` stalls, so after at least as many starts;
 * with both limits equal, the last of those starts has already been failed by the worker's own check.
 * Only a worker dying in that very moment lets the stall limit trip, which @JobAbandoned hears too.
 */
export const JOB_START_LIMITS = {
  maxStartedAttempts: DEFAULT_JOB_OPTIONS.attempts + DEFAULT_JOB_OPTIONS.attempts,
  maxStalledCount: DEFAULT_JOB_OPTIONS.attempts + DEFAULT_JOB_OPTIONS.attempts,
} as const;

/** The names that occur more than once, each once. */
export function duplicatedNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([name]) => name);
}

/** Names the jobs with no handler and those with more than one; empty lists mean the worker may start. */
export function handlerCoverage(registered: readonly string[]): { missing: JobName[]; duplicated: string[] } {
  return {
    missing: Object.values(JobName).filter((n) => !registered.includes(n)),
    duplicated: duplicatedNames(registered),
  };
}
