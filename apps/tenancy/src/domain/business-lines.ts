/** The four business lines a tenant may run (DOMAIN.md). */
export const BUSINESS_LINES = [
  'driving_practice',
  'after_sales_repair',
  'companion_chat',
  'equipment_rental',
] as const;

export type BusinessLine = (typeof BUSINESS_LINES)[number];

const lines: ReadonlySet<string> = new Set(BUSINESS_LINES);

export function isBusinessLine(value: unknown): value is BusinessLine {
  return typeof value === 'string' && lines.has(value);
}
