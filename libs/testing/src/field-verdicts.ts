/**
 * One table of inputs and the verdict every layer must reach on them: the gateway's request validation and the
 * customers domain each run it (apps/gateway/src/customers/field-verdicts.unit.spec.ts,
 * apps/customers/src/domain/customer/field-verdicts.unit.spec.ts), so the two cannot disagree again (they did:
 * the gateway took a 1-character ID number that the domain refused and refused `510104-19900228-123X`).
 */
export interface FieldVerdict {
  readonly field: 'name' | 'phone' | 'email' | 'idNumber' | 'birthDate' | 'address' | 'notes';
  readonly value: string;
  readonly valid: boolean;
}

const astral = (n: number): string => '𠀀'.repeat(n);

export const FIELD_VERDICTS: readonly FieldVerdict[] = [
  { field: 'name', value: 'Wang Fang', valid: true },
  { field: 'name', value: '  Li Wei ', valid: true },
  { field: 'name', value: '王芳', valid: true },
  { field: 'name', value: astral(200), valid: true },
  { field: 'name', value: astral(201), valid: false },
  { field: 'name', value: 'x'.repeat(200), valid: true },
  { field: 'name', value: 'x'.repeat(201), valid: false },
  { field: 'name', value: '', valid: false },
  { field: 'name', value: '   ', valid: false },
  { field: 'phone', value: '+86 138 0000 0000', valid: true },
  { field: 'phone', value: '138-0000-0000', valid: true },
  { field: 'phone', value: '12345', valid: false },
  { field: 'phone', value: '+86 (138) 0000', valid: false },
  { field: 'phone', value: 'call me', valid: false },
  { field: 'email', value: 'wang.fang@example.com', valid: true },
  { field: 'email', value: 'Li.Wei@Example.COM', valid: true },
  { field: 'email', value: `${'a'.repeat(64)}@${'b'.repeat(180)}.com`, valid: true },
  { field: 'email', value: `${'a'.repeat(64)}@${'b'.repeat(190)}.com`, valid: false },
  { field: 'email', value: 'not-an-email', valid: false },
  { field: 'email', value: 'two@@example.com', valid: false },
  { field: 'idNumber', value: '42010619900517123X', valid: true },
  { field: 'idNumber', value: '510104-19900228-123X', valid: true },
  { field: 'idNumber', value: '5101 0419 9002 2812 3x', valid: true },
  { field: 'idNumber', value: 'A123', valid: true },
  { field: 'idNumber', value: 'A12', valid: false },
  { field: 'idNumber', value: '1', valid: false },
  { field: 'idNumber', value: '1'.repeat(40), valid: true },
  { field: 'idNumber', value: '1'.repeat(41), valid: false },
  { field: 'idNumber', value: '4201#0619', valid: false },
  { field: 'birthDate', value: '1990-05-17', valid: true },
  { field: 'birthDate', value: '2024-02-29', valid: true },
  { field: 'birthDate', value: '2025-02-29', valid: false },
  { field: 'birthDate', value: '1990-5-17', valid: false },
  { field: 'birthDate', value: '17/05/1990', valid: false },
  { field: 'address', value: '1 Renmin Rd, Chengdu', valid: true },
  { field: 'address', value: 'a'.repeat(500), valid: true },
  { field: 'address', value: 'a'.repeat(501), valid: false },
  { field: 'address', value: ' ', valid: false },
  { field: 'notes', value: '', valid: true },
  { field: 'notes', value: astral(10_000), valid: true },
  { field: 'notes', value: 'n'.repeat(10_001), valid: false },
];

/**
 * Money as a request carries it, whatever the command: the gateway's money classes (from 0), the domain's
 * `money()`, and a gRPC message read by `moneyOfMessage` must all take and refuse the same values. Which amounts a
 * rule allows (above zero, within a fine's range) is each rule's own; this is what "an amount" is.
 */
export interface MoneyVerdict {
  readonly amount: number;
  readonly currency: string;
  readonly valid: boolean;
}

export const MONEY_VERDICTS: readonly MoneyVerdict[] = [
  { amount: 0, currency: 'CNY', valid: true },
  { amount: 1, currency: 'CNY', valid: true },
  { amount: 128_000, currency: 'EUR', valid: true },
  { amount: Number.MAX_SAFE_INTEGER, currency: 'CNY', valid: true },
  { amount: Number.MAX_SAFE_INTEGER + 1, currency: 'CNY', valid: false },
  { amount: 1e21, currency: 'CNY', valid: false },
  { amount: 12.5, currency: 'CNY', valid: false },
  { amount: 0.1, currency: 'CNY', valid: false },
  { amount: 100, currency: 'cny', valid: false },
  { amount: 100, currency: 'CN', valid: false },
  { amount: 100, currency: 'CNYY', valid: false },
  { amount: 100, currency: '', valid: false },
  { amount: 100, currency: '元', valid: false },
];

/**
 * A list's position (`?cursor=`, a page's `nextCursor`): what the gateway lets through, the services decode
 * (`decodeKeyCursor`), so no well-formed cursor is refused behind the gateway and no malformed one reaches a query.
 */
export const CURSOR_VERDICTS: readonly { readonly cursor: string; readonly valid: boolean }[] = [
  { cursor: '1764892800000_6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', valid: true },
  { cursor: '0_6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', valid: true },
  { cursor: '999999999999999_6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', valid: true },
  { cursor: '1000000000000000_6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', valid: false },
  { cursor: '1764892800000_6F1C1F9E-3B8A-4C39-9B0E-0D6B9B7F5A11', valid: false },
  { cursor: '-1_6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', valid: false },
  { cursor: '1764892800000_6f1c1f9e', valid: false },
  { cursor: '1764892800000', valid: false },
  { cursor: '_6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11', valid: false },
  { cursor: 'MTc2NDg5MjgwMDAwMA', valid: false },
  { cursor: '', valid: false },
];
