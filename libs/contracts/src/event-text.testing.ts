import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * A string field of an event type's data: where it sits ('need.type', 'reasons[]', as `sealedPathsOf` paths are
 * written), the file declaring it, and whether it is free (a plain `string`) or one of a closed set of literals.
 */
export interface EventTextField {
  readonly type: string;
  readonly path: string;
  readonly free: boolean;
  readonly file: string;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !/\.(spec|testing)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** A plain `string` (not a literal or a template): text anyone could have typed. */
function isPlainString(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.String) !== 0;
}

/** One of a closed set of values (a literal or a template literal): an enum, never free text. */
function isStringLiteral(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral)) !== 0;
}

/**
 * Every string field of every event type declared in the services, libs/contracts and libs/platform (libs/kernel's
 * `Event<'Name', Data>` wherever it is written: a type alias, inline in a union), walked with the compiler's type
 * checker: nested objects by their keys (mapped types too), lists as `[]`, string index signatures as `*`.
 */
export function eventTextFields(root: string): EventTextField[] {
  const files = [
    ...readdirSync(join(root, 'apps'))
      .map((app) => join(root, 'apps', app, 'src'))
      .filter((dir) => existsSync(dir))
      .flatMap(sourcesUnder),
    ...sourcesUnder(join(root, 'libs', 'contracts', 'src')),
    // The platform records events of its own in every service (a clear read: PersonalDataRead).
    ...sourcesUnder(join(root, 'libs', 'platform', 'src')),
  ].filter((file) => /\bEvent</.test(readFileSync(file, 'utf8')));
  const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), (p) => ts.sys.readFile(p));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const program = ts.createProgram(files, { ...options, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const out: EventTextField[] = [];

  const walk = (
    type: ts.Type,
    path: string,
    emit: (path: string, free: boolean) => void,
    depth: number,
  ): void => {
    if (depth > 8) throw new Error(`event data nested too deep at ${path}`);
    const parts = type.isUnion() ? type.types : [type];
    for (const part of parts) {
      if (isPlainString(part)) emit(path, true);
      else if (isStringLiteral(part)) emit(path, false);
      // Data typed loosely could hold anything: it must be decided like free text.
      else if ((part.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0) emit(path, true);
      else if (checker.isArrayType(part) || checker.isTupleType(part)) {
        const [item] = checker.getTypeArguments(part as ts.TypeReference);
        if (item) walk(item, `${path}[]`, emit, depth + 1);
      } else if ((part.flags & ts.TypeFlags.Object) !== 0 || part.isIntersection()) {
        const index = checker.getIndexInfoOfType(part, ts.IndexKind.String);
        if (index) walk(index.type, path ? `${path}.*` : '*', emit, depth + 1);
        for (const property of checker.getPropertiesOfType(part)) {
          const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
          walk(propertyType, path ? `${path}.${property.name}` : property.name, emit, depth + 1);
        }
      }
    }
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isTypeReferenceNode(node) && node.typeName.getText(source) === 'Event') {
        const [name, data] = node.typeArguments ?? [];
        if (name && data && ts.isLiteralTypeNode(name) && ts.isStringLiteral(name.literal)) {
          const type = name.literal.text;
          const found = new Map<string, boolean>();
          walk(
            checker.getTypeFromTypeNode(data),
            '',
            (path, free) => found.set(path, found.get(path) === true || free),
            0,
          );
          for (const [path, free] of found) out.push({ type, path, free, file: relative(root, file) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
