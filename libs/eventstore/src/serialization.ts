import { EventNotSerializableError } from './errors';

/**
 * Turns a value into JSON text, refusing anything JSON would silently change or PostgreSQL's jsonb would
 * refuse: undefined, functions, symbols, bigints, NaN/Infinity, class instances (Date, Map, …), cycles
 * and the NUL character. What is stored reads back equal to what was given.
 */
export function toJson(value: unknown, root = '$'): string {
  check(value, root, new Set());
  return JSON.stringify(value);
}

function check(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (value.includes('\u0000'))
        throw new EventNotSerializableError(path, 'strings may not contain NUL (\\u0000)');
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new EventNotSerializableError(path, `${value} is not a JSON number`);
      return;
    case 'undefined':
      throw new EventNotSerializableError(path, 'undefined is not JSON');
    case 'bigint':
      throw new EventNotSerializableError(path, 'bigint is not JSON (store it as a string)');
    case 'function':
    case 'symbol':
      throw new EventNotSerializableError(path, `${typeof value} is not JSON`);
    case 'object':
      break;
  }
  if (value === null) return;
  const obj = value;
  if (seen.has(obj)) throw new EventNotSerializableError(path, 'circular reference');
  seen.add(obj);
  if (Array.isArray(obj)) {
    obj.forEach((item: unknown, i) => check(item, `${path}[${i}]`, seen));
  } else {
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
      throw new EventNotSerializableError(path, `${name} instances are not plain JSON (convert them first)`);
    }
    for (const [key, item] of Object.entries(obj)) {
      if (typeof key === 'string' && key.includes('\u0000')) {
        throw new EventNotSerializableError(path, 'keys may not contain NUL (\\u0000)');
      }
      if (item === undefined) continue; // JSON.stringify drops undefined properties; so do we
      check(item, `${path}.${key}`, seen);
    }
  }
  seen.delete(obj);
}
