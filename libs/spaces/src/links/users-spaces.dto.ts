import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';
import { SPACE_REF_PATTERN } from '../spaces/space.rules.js';

export class ReplaceUserSpacesDto {
  @ApiProperty({
    type: [String],
    example: ['BRU-014', 'BRU-015'],
    description: "The coordinator's spaces from now on (replaces the current links; [] removes them all).",
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(SPACE_REF_PATTERN, {
    each: true,
    message: 'each value in $property must be a space ref like BRU-014.',
  })
  spaceRefs: string[];
}

export class UserSpacesDto {
  @ApiProperty() userId: string;
  @ApiProperty({ type: [String], description: 'Sorted.' }) spaceRefs: string[];
}
