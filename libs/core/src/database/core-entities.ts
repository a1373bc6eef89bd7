import { LoginSessionEntity } from '../auth/login-session.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { WorkerHeartbeatEntity } from '../health/worker-heartbeat.entity.js';
import { OutboxEntryEntity } from '../outbox/outbox-entry.entity.js';
import { QueueProbeEntity } from '../queue/queue-probe.entity.js';
import { MunicipalityEntity } from './entities/municipality.entity.js';
import { RegionEntity } from './entities/region.entity.js';

export const CORE_ENTITIES = [
  RegionEntity,
  MunicipalityEntity,
  UserEntity,
  LoginSessionEntity,
  WorkerHeartbeatEntity,
  QueueProbeEntity,
  OutboxEntryEntity,
];
