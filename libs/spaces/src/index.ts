// The space registry lib: spaces and antennas, opening hours, animators, equipment, funding, the
// import pipeline and the audit trail.
export * from './rules/opening-hours.rule.js';
export * from './rules/brussels-time.js';
export { isoWeekMonday } from './rules/iso-week.js';
export { SPACES_ENTITIES } from './entities.js';
export { RegistryModule } from './registry.module.js';
export { RegistryCoreModule } from './registry-core.module.js';
export { AuditService } from './audit/audit.service.js';
export type { AuditActor, AuditWrite } from './audit/audit.repository.js';
export { SpaceAccessRepository } from './links/space-access.repository.js';
export { spaceScopeCondition } from './shared/space-scope.sql.js';
export { currentLabelJoin } from './spaces/current-label.sql.js';
export { updateVersioned, versionConflict } from './shared/versioned-update.js';
export * from './imports/index.js';
export { SpacesService } from './spaces/spaces.service.js';
export { OpeningHoursService } from './spaces/opening-hours.service.js';
export { SpacesRepository } from './spaces/spaces.repository.js';
export { PublicSpacesRepository } from './public/public-spaces.repository.js';
export { brusselsToday } from './spaces/space.rules.js';
export { closingHoursCondition, weeksClosedAllWeek } from './spaces/space-hours.rule.js';
// The registry's date validator, so every lib refuses dates that do not exist (2026-02-30) alike.
export { IsDateOnly } from './spaces/dto/space.dto.js';
export { AnimatorsService } from './animators/animators.service.js';
export { EquipmentService } from './equipment/equipment.service.js';
export { FundingService } from './funding/funding.service.js';
export { PublicSpacesService } from './public/public-spaces.service.js';
export type { PublicSpaceDto } from './public/dto/public-space.dto.js';
