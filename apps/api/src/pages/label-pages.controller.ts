import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageExceptionFilter } from './page-exception.filter.js';

/** The label pages. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class LabelPagesController {}
