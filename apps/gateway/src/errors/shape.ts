import type { FieldError } from '@serviceops/platform';

/** No request of this API nests deeper; a deeper body is refused before anything walks it recursively. */
export const MAX_DEPTH = 32;

/**
 * What is wrong with a request's shape before any DTO sees it, found without recursion: nesting beyond
 * MAX_DEPTH (`[` × 5,000 made the validator overflow its stack: 500), and keys that name members of
 * Object.prototype (`constructor`, `toString`, `__proto__`…), which the validator's unknown-field check takes
 * for known ones. No DTO has such a field, so they are refused like any unknown field.
 */
export function shapeProblems(input: unknown, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: input, path: root, depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      problems.push({ path: path || '(body)', message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key in Object.prototype) problems.push({ path: at, message: `property ${key} should not exist` });
      else pending.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return problems;
}
