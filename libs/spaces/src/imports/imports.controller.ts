import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, type Principal } from '../../../core/src/index.js';
import { ExportQueryDto, ImportQueryDto, ImportRejectedDto, ImportResultDto } from './dto/imports.dto.js';
import { ImportRejectedFilter } from './import-rejected.filter.js';
import { ImportUploadService } from './import-upload.service.js';
import { ImportsService } from './imports.service.js';

const KIND_PARAM = {
  name: 'kind',
  description:
    'spaces, animators, equipment, funding (and the activity kinds: weekly-activity, training-sessions)',
  example: 'equipment',
};

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/imports')
@UseFilters(ImportRejectedFilter)
export class ImportsController {
  constructor(private readonly uploads: ImportUploadService) {}

  /** All or nothing: any invalid row rejects the file and nothing is written. */
  @Post(':kind')
  @HttpCode(200)
  @Access(ANY_SIGNED_IN)
  @ApiParam(KIND_PARAM)
  @ApiOperation({
    summary: 'Import a CSV file (columns as in the CSV contract); rows outside your spaces are refused',
    requestBody: {
      required: true,
      content: {
        'text/csv': { schema: { type: 'string', format: 'binary' } },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary', description: 'The CSV file.' } },
          },
        },
      },
    },
  })
  @ApiOkResponse({
    type: ImportResultDto,
    description: 'Every row was valid: how many were created, updated and unchanged.',
  })
  @ApiUnprocessableEntityResponse({
    type: ImportRejectedDto,
    description: '`IMPORT.INVALID_ROWS`: every invalid row with its line, column and reason.',
  })
  @ApiBadRequestResponse({
    description:
      '`IMPORT.UNKNOWN_KIND`, `IMPORT.FILE_MISSING`, `IMPORT.MALFORMED_UPLOAD` (a form that cannot be read).',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is neither text/csv nor multipart/form-data.' })
  @ApiPayloadTooLargeResponse({ description: '`IMPORT.TOO_LARGE`: more than 200 MB.' })
  import(
    @Param('kind') kind: string,
    @Query() query: ImportQueryDto,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportResultDto> {
    return this.uploads.importRequest(kind, req, principal, query.dryRun === 'true');
  }
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller('api/v1/exports')
export class ExportsController {
  constructor(private readonly imports: ImportsService) {}

  /** The same columns as the import, only the rows you may see, ordered by key. */
  @Get(':kind')
  @Access(ANY_SIGNED_IN)
  @ApiParam(KIND_PARAM)
  @ApiOperation({ summary: 'Export as CSV (streamed; `Content-Disposition: attachment`)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file.', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: '`IMPORT.UNKNOWN_KIND`.' })
  export(
    @Param('kind') kind: string,
    @Query() query: ExportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): StreamableFile {
    const { filename, stream } = this.imports.export(kind, principal, query.separator);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${filename}"`,
    });
  }
}
