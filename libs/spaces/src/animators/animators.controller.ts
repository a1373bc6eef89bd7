import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, STAFF, type Principal } from '../../../core/src/index.js';
import { AnimatorsService } from './animators.service.js';
import {
  AnimatorAssignmentParamsDto,
  AnimatorDto,
  AnimatorExportDto,
  AnimatorListQueryDto,
  AnimatorPageDto,
  AnonymisedAnimatorDto,
  AssignmentDto,
  CreateAnimatorDto,
  CreateAssignmentDto,
  SpaceAnimatorsDto,
  SpaceAnimatorsQueryDto,
  UpdateAnimatorDto,
  UpdateAssignmentDto,
} from './dto/animators.dto.js';

const ANIMATOR_SCOPE = { kind: 'animator', param: 'ref' } as const;
/** Acts on the whole person: see animator-person-scope.rule.ts. */
const SHARED_PERSON = 'ANIMATORS.SHARED_PERSON: the person also works at a space outside your scope.';

@ApiTags('animators')
@ApiBearerAuth()
@Controller('api/v1/animators')
export class AnimatorsController {
  constructor(private readonly animators: AnimatorsService) {}

  /** Animators with an assignment at a space you may see (admins: every animator). */
  @Get()
  @Access(ANY_SIGNED_IN, { kind: 'space', param: 'spaceRef', from: 'query', optional: true })
  @ApiOkResponse({ type: AnimatorPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AnimatorListQueryDto,
  ): Promise<AnimatorPageDto> {
    return this.animators.list(principal, query);
  }

  /**
   * A person with a first assignment. The scope is checked on the body's `spaceRef`; it is marked
   * optional for the guard only so that a missing `spaceRef` gets the validation's 400 naming it.
   */
  @Post()
  @Access(ANY_SIGNED_IN, { kind: 'space', param: 'spaceRef', from: 'body', optional: true })
  @ApiCreatedResponse({ type: AnimatorDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateAnimatorDto): Promise<AnimatorDto> {
    return this.animators.create(principal, dto);
  }

  @Get(':ref')
  @Access(ANY_SIGNED_IN, ANIMATOR_SCOPE)
  @ApiOkResponse({ type: AnimatorDto, description: 'With the assignments at spaces you may see.' })
  get(@CurrentPrincipal() principal: Principal, @Param('ref') ref: string): Promise<AnimatorDto> {
    return this.animators.get(principal, ref);
  }

  /** Changing the person's fields needs every space they work at in your scope (admins: always). */
  @Patch(':ref')
  @Access(ANY_SIGNED_IN, ANIMATOR_SCOPE)
  @ApiOkResponse({ type: AnimatorDto })
  @ApiForbiddenResponse({ description: SHARED_PERSON })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: UpdateAnimatorDto,
  ): Promise<AnimatorDto> {
    return this.animators.update(principal, ref, dto);
  }

  /**
   * Everything held about the person (a subject access request), so only for a caller whose scope
   * covers every space the person works at (admins: always). The read is recorded in the trail.
   */
  @Get(':ref/export')
  @Access(STAFF, ANIMATOR_SCOPE)
  @ApiOkResponse({ type: AnimatorExportDto })
  @ApiForbiddenResponse({ description: SHARED_PERSON })
  export(@CurrentPrincipal() principal: Principal, @Param('ref') ref: string): Promise<AnimatorExportDto> {
    return this.animators.export(principal, ref);
  }

  /**
   * Erases name and contact in place and replaces the ref; every figure stays the same. Needs every
   * space the person works at in your scope (admins: always).
   */
  @Post(':ref/anonymise')
  @HttpCode(200)
  @Access(STAFF, ANIMATOR_SCOPE)
  @ApiOkResponse({ type: AnonymisedAnimatorDto })
  @ApiForbiddenResponse({ description: SHARED_PERSON })
  anonymise(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
  ): Promise<AnonymisedAnimatorDto> {
    return this.animators.anonymise(principal, ref);
  }

  /** You must be allowed on the animator and on the assignment's space. */
  @Post(':ref/assignments')
  @Access(ANY_SIGNED_IN, ANIMATOR_SCOPE)
  @ApiCreatedResponse({ type: AssignmentDto })
  addAssignment(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: CreateAssignmentDto,
  ): Promise<AssignmentDto> {
    return this.animators.addAssignment(principal, ref, dto);
  }

  @Patch(':ref/assignments/:id')
  @Access(ANY_SIGNED_IN, ANIMATOR_SCOPE)
  @ApiOkResponse({ type: AssignmentDto })
  updateAssignment(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AnimatorAssignmentParamsDto,
    @Body() dto: UpdateAssignmentDto,
  ): Promise<AssignmentDto> {
    return this.animators.updateAssignment(principal, params.ref, params.id, dto);
  }

  @Delete(':ref/assignments/:id')
  @HttpCode(204)
  @Access(ANY_SIGNED_IN, ANIMATOR_SCOPE)
  @ApiNoContentResponse()
  removeAssignment(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AnimatorAssignmentParamsDto,
  ): Promise<void> {
    return this.animators.removeAssignment(principal, params.ref, params.id);
  }
}

@ApiTags('animators')
@ApiBearerAuth()
@Controller('api/v1/spaces/:ref/animators')
export class SpaceAnimatorsController {
  constructor(private readonly animators: AnimatorsService) {}

  @Get()
  @Access(ANY_SIGNED_IN, { kind: 'space', param: 'ref' })
  @ApiOkResponse({ type: SpaceAnimatorsDto })
  list(@Param('ref') ref: string, @Query() query: SpaceAnimatorsQueryDto): Promise<SpaceAnimatorsDto> {
    return this.animators.atSpace(ref, query.on);
  }
}
