import { isSealed } from './personal-data-cipher';

/**
 * Masked forms of personal values, for roles without the right to see them: enough to recognise a record on
 * the phone ("ending 5678"), not enough to contact or identify the person.
 */
export const MASK = '***';

/**
 * Personal values as one caller may see them: in clear, masked, or not at all when still sealed (the key is
 * gone). Notes which fields were shown in clear, to record the read.
 */
export function revealer(clear: boolean) {
  const shown = new Set<string>();
  const reveal = (
    value: unknown,
    field: string,
    mask: (v: string) => string = () => MASK,
  ): string | undefined => {
    if (typeof value !== 'string' || isSealed(value)) return undefined;
    if (clear) shown.add(field);
    return clear ? value : mask(value);
  };
  return { reveal, shown: (): string[] => [...shown] };
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? MASK : `${chars[0] ?? ''}${'*'.repeat(Math.max(2, chars.length - 1))}`;
}

/**
 * The last characters of a value, at most four and never more than two fifths of it, behind at least three
 * stars: a mobile number keeps its last four for recognition, a short ID (4 characters) is not shown whole.
 */
function tailOnly(value: string): string {
  const shown = Math.min(4, Math.floor((value.length * 2) / 5));
  return `${'*'.repeat(Math.max(3, value.length - shown))}${shown > 0 ? value.slice(-shown) : ''}`;
}

export function maskPhone(phone: string): string {
  return tailOnly(phone.replace(/\D/g, ''));
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return MASK;
  return `${email[0] ?? ''}***${email.slice(at)}`;
}

export function maskIdNumber(id: string): string {
  return tailOnly(id);
}

/** The year stays (age bands are not personal enough to hide from reports). */
export function maskBirthDate(date: string): string {
  return `${date.slice(0, 4)}-**-**`;
}
