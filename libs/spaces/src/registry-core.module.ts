import { Module } from '@nestjs/common';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';
import { SpaceAccessRegistration } from './links/space-access.registration.js';
import { SpaceAccessRepository } from './links/space-access.repository.js';

/** What every part of the registry shares: the audit trail and space access. */
@Module({
  providers: [AuditRepository, AuditService, SpaceAccessRepository, SpaceAccessRegistration],
  exports: [AuditService, SpaceAccessRepository],
})
export class RegistryCoreModule {}
