/** A UTF-16 surrogate without its other half: no character at all, so no UTF-8 encoding (it becomes U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text cannot be stored as it was given, or undefined when it can. NUL (U+0000) is refused by PostgreSQL
 * (text and jsonb) and means nothing in a name or a note; a lone surrogate cannot cross UTF-8 (gRPC, PostgreSQL,
 * encryption) and would come back as U+FFFD. Characters outside the Basic Multilingual Plane (a surrogate pair:
 * 😀, 𠀀) are fine.
 */
export function malformedTextReason(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}
