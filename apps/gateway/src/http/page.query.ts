import { ApiPropertyOptional } from '@nestjs/swagger';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { Follows, present } from './validators';

/** The page size when a list's `limit` is absent. */
export const DEFAULT_PAGE_SIZE = 50;

/** `?limit=` of every list. */
export class LimitQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, required: false })
  @ValidateIf(present)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** `?limit=&cursor=` of lists ordered by a time or a day and an id: cursor pagination as API.md has it. */
export class PageQuery extends LimitQuery {
  @ValidateIf(present)
  @Follows(RULES.keysetCursor, { required: false, description: 'nextCursor of the previous page' })
  cursor?: string;
}
