import { malformedTextReason, type FieldError } from '@serviceops/platform';

/** No request of this API nests deeper; a deeper body is refused before anything walks it recursively. */
export const MAX_DEPTH = 32;

/**
 * What is wrong with a request's input before any DTO sees it, found in one walk without recursion, in document
 * order, each by its JSON path (`name`, `needs[0].preferences`; `root` names a bare value such as a path
 * parameter):
 * - nesting beyond MAX_DEPTH (`[` × 5,000 made the validator overflow its stack: 500);
 * - keys that name members of Object.prototype (`constructor`, `toString`, `__proto__`…), which the validator's
 *   unknown-field check takes for known ones; no DTO has such a field, so they are refused like any unknown one;
 * - text no service can store as given (a NUL, a lone surrogate: see malformedTextReason), in values and keys.
 */
export function shapeProblems(input: unknown, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const message = malformedTextReason(value);
      if (message) problems.push({ path: path || '(body)', message });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      problems.push({ path: path || '(body)', message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    const children: { value: unknown; path: string; depth: number }[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, i) => children.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
    } else {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        const keyText = malformedTextReason(key);
        if (keyText) problems.push({ path: at, message: `the field name ${keyText}` });
        else if (key in Object.prototype)
          problems.push({ path: at, message: `property ${key} should not exist` });
        else children.push({ value: item, path: at, depth: depth + 1 });
      }
    }
    // Reversed onto the stack, so they come off in document order.
    pending.push(...children.reverse());
  }
  return problems;
}
