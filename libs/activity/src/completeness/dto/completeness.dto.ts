import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';

export class CompletenessQueryDto {
  @ApiProperty({ enum: ['BRU', 'WAL', 'VLA'] })
  @IsIn(['BRU', 'WAL', 'VLA'])
  region: string;

  @ApiProperty({ example: '2026-W01' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'from must be an ISO week like 2026-W01' })
  from: string;

  @ApiProperty({ example: '2026-W46' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'to must be an ISO week like 2026-W46' })
  to: string;
}

export class SpaceCompletenessQueryDto {
  @ApiProperty({ example: '2026-W01' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'from must be an ISO week like 2026-W01' })
  from: string;

  @ApiProperty({ example: '2026-W46' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'to must be an ISO week like 2026-W46' })
  to: string;
}

export class SpaceCompletenessDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty() name: string;
  @ApiProperty({
    description:
      'Weeks in the period when the space was open (complete weeks only; not those it was closed all week, unless reported).',
  })
  expectedWeeks: number;
  @ApiProperty() reportedWeeks: number;
  @ApiProperty({ type: [String] }) missingWeeks: string[];
  @ApiProperty({
    type: [String],
    description:
      'Weeks without a record that its opening hours close all week (dated closures): not expected.',
  })
  closedWeeks: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'reported / expected × 100, 1 decimal.' })
  completenessPct: number | null;
}

export class CompletenessDto {
  @ApiProperty() from: string;
  @ApiProperty({ description: 'The end of the period, never after the last complete week.' }) to: string;
  @ApiProperty({ type: [SpaceCompletenessDto] }) spaces: SpaceCompletenessDto[];
}
