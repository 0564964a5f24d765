import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { RULES } from '@serviceops/kernel';
import { IsInt, Max, Min } from 'class-validator';
import { NotPersonal } from './personal';
import { Follows } from './validators';

/** Money as every request and answer carries it: integer minor units and an ISO 4217 currency, never a float. */
export interface Money {
  amount: number;
  currency: string;
}

export interface MoneyBounds {
  /** 0: nothing is a valid amount (a damage, a fine waived); 1: a price, a pay. */
  readonly minimum: 0 | 1;
  readonly maximum?: number;
  readonly example?: number;
  readonly description?: string;
}

/**
 * The body class of a money field with its bounds, under its own OpenAPI schema name (two bounds never share a
 * name: the document would show one for both).
 */
export function moneyDto(name: string, bounds: MoneyBounds): new () => Money {
  const maximum = bounds.maximum ?? Number.MAX_SAFE_INTEGER;
  @ApiSchema({ name })
  class MoneyBody implements Money {
    @ApiProperty({
      type: 'integer',
      minimum: bounds.minimum,
      maximum,
      example: bounds.example ?? 20000,
      description: bounds.description ?? 'minor units (fen, cents): an integer, never a float',
    })
    @IsInt()
    @Min(bounds.minimum)
    @Max(maximum)
    amount!: number;

    @Follows(RULES.currency, { example: 'CNY', description: 'ISO 4217 currency code' })
    @NotPersonal('a currency code (ISO 4217)')
    currency!: string;
  }
  return MoneyBody;
}

/** Any amount from zero: a contract's prices and fees, a damage found. */
export const MoneyDto = moneyDto('Money', { minimum: 0 });
export type MoneyDto = Money;

/** An amount above zero: a price that must be charged, a day's pay. */
export const PositiveMoneyDto = moneyDto('PositiveMoney', { minimum: 1, example: 128000 });
export type PositiveMoneyDto = Money;
