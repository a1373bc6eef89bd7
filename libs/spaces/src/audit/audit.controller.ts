import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, STAFF, type Principal } from '../../../core/src/index.js';
import { AuditService } from './audit.service.js';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The trail, newest first. Regional staff read their region's entries only. */
  @Get()
  @Access(STAFF)
  @ApiOkResponse({ type: AuditPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.listFor(principal, query);
  }
}
