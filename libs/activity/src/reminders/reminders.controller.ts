import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ADMIN,
  ANY_SIGNED_IN,
  Access,
  CurrentPrincipal,
  ParseUuidParamPipe,
  type Principal,
} from '../../../core/src/index.js';
import { EnqueuedDto, ReminderListDto, ReminderQueryDto } from './dto/reminder.dto.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('activity')
@ApiBearerAuth()
@Controller('api/v1')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** The caller's own reminders, newest first. */
  @Get('reminders')
  @Access(ANY_SIGNED_IN)
  @ApiOkResponse({ type: ReminderListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ReminderQueryDto,
  ): Promise<ReminderListDto> {
    return { items: await this.reminders.list(principal.userId, query.unread === 'true') };
  }

  @Post('reminders/:id/read')
  @HttpCode(204)
  @Access(ANY_SIGNED_IN)
  async read(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<void> {
    await this.reminders.markRead(id, principal.userId);
  }

  /** Runs the weekly reminder job now, in the worker. */
  @Post('activity/reminders/run')
  @HttpCode(202)
  @Access(ADMIN)
  @ApiAcceptedResponse({ type: EnqueuedDto })
  run(): Promise<EnqueuedDto> {
    return this.reminders.enqueueNow();
  }
}
