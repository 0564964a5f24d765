import type { FieldError } from './errors';

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

/**
 * Every string (and object key) of an input that cannot be stored as given, as field errors with JSON paths
 * (`name`, `needs[0].preferences`), the way validation failures name fields. `root` names the input itself
 * when it is a bare string (a path or query parameter).
 */
export function malformedTextFields(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      const message = malformedTextReason(v);
      if (message) errors.push({ path: path || '(body)', message });
      return;
    }
    // A request body is a JSON document: no cycles; the depth bound only guards against pathological nesting.
    if (v === null || typeof v !== 'object' || depth > 64) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(v)) {
      const at = path ? `${path}.${key}` : key;
      const keyMessage = malformedTextReason(key);
      if (keyMessage) errors.push({ path: at, message: `the field name ${keyMessage}` });
      else visit(item, at, depth + 1);
    }
  };
  visit(value, root, 0);
  return errors;
}
