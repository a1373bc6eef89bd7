export * from './auth/access.decorator.js';
export { AuthGuard, CurrentPrincipal, SESSION_COOKIE, tokenFromRequest } from './auth/auth.guard.js';
export type { AuthenticatedRequest } from './auth/auth.guard.js';
export { AuthService } from './auth/auth.service.js';
export type { CreateUserInput } from './auth/auth.service.js';
export type { Principal } from './auth/principal.js';
export { ScopeRegistry } from './auth/scope-registry.js';
export { SessionCache } from './auth/session-cache.js';
export { SESSION_REVOCATION_CHANNEL, SessionRevocationListener } from './auth/session-revocation.listener.js';
export type { ScopeDecision, ScopeResolver } from './auth/scope-registry.js';
export { UserLinksRegistry } from './auth/user-links.registry.js';
export type { CoordinatorSpaceLinker } from './auth/user-links.registry.js';
export { REGIONS, ROLES } from './auth/user.entity.js';
export type { RegionCode, Role } from './auth/user.entity.js';
export { registerLoginRateLimit } from './auth/login-rate-limit.js';
export { passwordPolicyProblem } from './auth/password.rule.js';
export { Environment, EnvironmentError, validateEnvironment } from './config/environment.js';
export { CoreHttpModule, CoreModule, CoreWorkerModule } from './core.module.js';
export { CORE_ENTITIES } from './database/core-entities.js';
export { buildDataSourceOptions } from './database/data-source-options.js';
export { assertTestDatabase, databaseName, withDatabase } from './database/database-url.js';
export { requireDatabaseUrl } from './database/database.module.js';
export { MIGRATIONS } from './database/migrations/index.js';
export { pendingSchemaChanges } from './database/schema-diff.js';
export * from './errors/app-exception.js';
export { localizedErrorBody, toErrorBody } from './errors/app-exception.filter.js';
export { ParseUuidParamPipe } from './errors/uuid-param.pipe.js';
export { ErrorPages } from './errors/error-pages.js';
export type { ErrorBody } from './errors/app-exception.filter.js';
export { createValidationPipe } from './errors/validation.pipe.js';
export { PinoNestLogger, createRootLogger } from './logging/logger.js';
export { correlationIdOf, enterRequestContext } from './logging/request-context.js';
export { JobAbandoned, JobHandler } from './queue/job-handler.decorator.js';
export {
  DEFAULT_JOB_OPTIONS,
  JOBS,
  JOB_START_LIMITS,
  JobName,
  QueueName,
  jobId,
} from './queue/job-catalogue.js';
export type { JobPayloads } from './queue/job-catalogue.js';
export { QUEUE_CONNECTION } from './queue/queue.module.js';
export type { QueueConnection } from './queue/queue-connection.js';
export { QueueService } from './queue/queue.service.js';
export { projectRoot } from './util/project-root.js';
export * from './csv/index.js';
export { sessionCookie, sessionCookieOptions } from './auth/session-cookie.js';
export { LANGUAGES, LOCALES, formatLongDate, isLanguage, negotiateLanguage } from './i18n/language.js';
export type { Language } from './i18n/language.js';
export { registerErrorMessages, translateErrorMessage } from './i18n/error-messages.js';
export type { ErrorMessageCatalogue } from './i18n/error-messages.js';
export { MailService } from './mail/mail.service.js';
export type { MailMessage } from './mail/mail.service.js';
export { returnedRows } from './database/returned-rows.js';
export { answerConstraintViolation, databaseRefusal } from './database/constraint-violation.js';
export type { ConstraintAnswers, DatabaseRefusal } from './database/constraint-violation.js';
export { OutboxService } from './outbox/outbox.service.js';
export { MAX_NESTING_DEPTH, unsafeInputException, unsafeTextProblem } from './errors/unsafe-text.js';
export { MaxDecimalPlaces } from './errors/max-decimal-places.validator.js';
