import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, type Principal } from '../../../core/src/index.js';
import {
  CreateEquipmentDto,
  EquipmentDto,
  EquipmentListQueryDto,
  EquipmentPageDto,
  InServiceDto,
  InServiceQueryDto,
  SpaceEquipmentParamsDto,
  UpdateEquipmentDto,
} from './dto/equipment.dto.js';
import { EquipmentService } from './equipment.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('equipment')
@ApiBearerAuth()
@Controller('api/v1/spaces/:ref/equipment')
export class EquipmentController {
  constructor(private readonly equipment: EquipmentService) {}

  @Get()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: EquipmentPageDto })
  list(@Param('ref') ref: string, @Query() query: EquipmentListQueryDto): Promise<EquipmentPageDto> {
    return this.equipment.list(ref, query);
  }

  /** Items in service on a day: acquired on or before it (or undated) and not retired on or before it. */
  @Get('in-service')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: InServiceDto })
  inService(@Param('ref') ref: string, @Query() query: InServiceQueryDto): Promise<InServiceDto> {
    return this.equipment.inService(ref, query.on);
  }

  @Post()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiCreatedResponse({ type: EquipmentDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: CreateEquipmentDto,
  ): Promise<EquipmentDto> {
    return this.equipment.create(principal, ref, dto);
  }

  @Get(':equipmentRef')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: EquipmentDto })
  get(@Param() params: SpaceEquipmentParamsDto): Promise<EquipmentDto> {
    return this.equipment.get(params.ref, params.equipmentRef);
  }

  @Patch(':equipmentRef')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: EquipmentDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SpaceEquipmentParamsDto,
    @Body() dto: UpdateEquipmentDto,
  ): Promise<EquipmentDto> {
    return this.equipment.update(principal, params.ref, params.equipmentRef, dto);
  }

  @Delete(':equipmentRef')
  @HttpCode(204)
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: Principal, @Param() params: SpaceEquipmentParamsDto): Promise<void> {
    return this.equipment.remove(principal, params.ref, params.equipmentRef);
  }
}
