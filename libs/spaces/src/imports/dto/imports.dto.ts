import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'With `true`, every check runs and the counts are reported, but nothing is saved.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ExportQueryDto {
  @ApiPropertyOptional({
    enum: [',', ';'],
    default: ',',
    description: '`;` gives a file for Excel in a Belgian locale, with decimal commas.',
  })
  @IsOptional()
  @IsIn([',', ';'])
  separator?: ',' | ';';
}

export class ImportResultDto {
  @ApiProperty({ description: 'Rows whose key was new.' }) created: number;
  @ApiProperty({ description: 'Rows that changed a stored record.' }) updated: number;
  @ApiProperty({ description: 'Rows identical to what was stored.' }) unchanged: number;
  @ApiProperty({ description: 'True when nothing was saved (dryRun=true).' }) dryRun: boolean;
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Line in the file; the header is line 1.', example: 7 }) line: number;
  @ApiProperty({ nullable: true, type: String, description: 'null when the whole line is at fault.' })
  column: string | null;
  @ApiProperty({ description: 'What is wrong and what to do, in the language of Accept-Language.' })
  message: string;
}

export class ImportRejectedDto {
  @ApiProperty({ example: 'IMPORT.INVALID_ROWS' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({
    type: [ImportRowErrorDto],
    description:
      'Every invalid row, with its line, column and reason (up to 100,000; errorCount counts them all).',
  })
  errors: ImportRowErrorDto[];
  @ApiProperty({ description: 'How many errors were found in all.' }) errorCount: number;
  @ApiProperty() correlationId: string;
}
