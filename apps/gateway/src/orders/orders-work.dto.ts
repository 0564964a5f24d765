import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WORK_ORDER_FIELDS as F } from '@serviceops/contracts';
import { RULES } from '@serviceops/kernel';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsNumber,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../http/money.dto';
import { Follows, present } from '../http/validators';
import { NotPersonal } from '../http/personal';

// The domain's bounds (apps/orders/src/domain/work-order/work-order.decider.ts) cannot be imported here (apps
// stay apart): the same values, and the domain refuses anything else with its own code.
export const MAX_QUOTE_ITEMS = 50;
export const MAX_HOURS = 1_000;
/** The store's bound on one issue (the domain asks a whole number ≥ 1; int32 in the proto). */
export const MAX_PART_QUANTITY = 10_000;

@ApiSchema({ name: 'QuoteItem' })
export class QuoteItemDto {
  @Follows(F.quoteItem, { example: 'Drum bearing' })
  @NotPersonal('what is sold, not about the customer')
  description!: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  price!: MoneyDto;
}

@ApiSchema({ name: 'IssueQuote' })
export class IssueQuoteDto {
  @ApiProperty({
    type: [QuoteItemDto],
    minItems: 1,
    maxItems: MAX_QUOTE_ITEMS,
    description: 'in one currency (else 422 ORDERS.QUOTE_REFUSED)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUOTE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => QuoteItemDto)
  items!: QuoteItemDto[];

  @Follows(RULES.instant, { description: 'valid until; not after now (else 422 ORDERS.QUOTE_REFUSED)' })
  validUntil!: string;
}

@ApiSchema({ name: 'StartWork' })
export class StartWorkDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'the person the order is dispatched to (else 422 ORDERS.NOT_DISPATCHED_TO_STAFF; not dispatched: 422 ORDERS.ORDER_NOT_DISPATCHED)',
  })
  @IsUUID()
  staffId!: string;
}

@ApiSchema({ name: 'ProposeExtraWork' })
export class ProposeExtraWorkDto {
  @Follows(F.extraWork, { example: 'Worn drum bearing', description: 'sealed: personal data' })
  description!: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedPrice!: MoneyDto;
}

@ApiSchema({ name: 'WorkOrderPart' })
export class PartDto {
  @Follows(F.partId, { example: 'BRG-6205', description: 'the part number' })
  partId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PART_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_PART_QUANTITY)
  quantity!: number;
}

@ApiSchema({ name: 'LogItemIn' })
export class LogItemInDto {
  @Follows(F.receipt, {
    example: 'R-2026-0042',
    description: 'the receipt given to the customer; the item in already: 422 ORDERS.ITEM_ALREADY_IN',
  })
  receipt!: string;
}

@ApiSchema({ name: 'WorkCheck' })
export class CheckDto {
  @ApiProperty()
  @IsBoolean()
  passed!: boolean;
}

@ApiSchema({ name: 'CompleteWork' })
export class CompleteWorkDto {
  @ValidateIf(present)
  @Follows(F.signature, {
    required: false,
    example: 'voucher:V-0042',
    description:
      'the signed service voucher’s reference; without it the work order is not completed: 422 ORDERS.SIGNATURE_MISSING',
  })
  signature?: string;

  @ApiProperty({ minimum: 0, maximum: MAX_HOURS, description: 'hours worked, on the repair card' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_HOURS)
  hours!: number;

  @Follows(F.summary, { description: 'the end-of-job summary with the customer; sealed: personal data' })
  summary!: string;
}
