import * as ts from 'typescript';

/**
 * Small, exact edits to TypeScript sources: the generators find the node by name with the compiler's parser and
 * insert text at its edge, leaving the rest of the file as it was (Prettier lays out what was inserted). A node
 * that is not there is an error naming the file, never a silent no-op.
 */

function parse(path: string, source: string): ts.SourceFile {
  return ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function insertAt(source: string, position: number, text: string): string {
  return source.slice(0, position) + text + source.slice(position);
}

function fail(path: string, what: string): never {
  throw new Error(
    `${path}: ${what} not found; was the file changed by hand? Edit it as the generator would.`,
  );
}

/** The initializer of `const <name> = …`, without `as const`, `satisfies …`, parentheses or a wrapping call. */
function initializerOf(file: ts.SourceFile, name: string): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name)
      found = node.initializer;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  for (;;) {
    if (!found) return undefined;
    if (ts.isAsExpression(found) || ts.isSatisfiesExpression(found) || ts.isParenthesizedExpression(found))
      found = found.expression;
    else if (ts.isCallExpression(found) && found.arguments[0]) found = found.arguments[0];
    else return found;
  }
}

function objectLiteral(path: string, file: ts.SourceFile, name: string): ts.ObjectLiteralExpression {
  const init = initializerOf(file, name);
  if (!init || !ts.isObjectLiteralExpression(init)) fail(path, `the object literal ${name}`);
  return init;
}

function arrayLiteral(path: string, file: ts.SourceFile, name: string): ts.ArrayLiteralExpression {
  const init = initializerOf(file, name);
  if (!init || !ts.isArrayLiteralExpression(init)) fail(path, `the array literal ${name}`);
  return init;
}

/** Inserts `text` as the last element of a list (an object's properties, an array's elements). */
function appendToList(source: string, list: ts.NodeArray<ts.Node>, open: number, text: string): string {
  const last = list[list.length - 1];
  if (!last) return insertAt(source, open + 1, `${text},`);
  if (list.hasTrailingComma) return insertAt(source, source.indexOf(',', last.end) + 1, ` ${text},`);
  return insertAt(source, last.end, `, ${text}`);
}

/** The name a property is written under: `foo`, `'foo'`, `"foo"`. */
export function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** The property names of `const <name> = { … }`. */
export function propertiesOf(path: string, source: string, name: string): string[] {
  return objectLiteral(path, parse(path, source), name)
    .properties.map(propertyName)
    .filter((n): n is string => n !== undefined);
}

/**
 * Adds `property` (`key: value`) to `const <name> = { … }`: after the last property for which `after` holds, or
 * last.
 */
export function addProperty(
  path: string,
  source: string,
  name: string,
  property: string,
  after?: (key: string) => boolean,
): string {
  const object = objectLiteral(path, parse(path, source), name);
  const anchor = after
    ? [...object.properties].reverse().find((p) => after(propertyName(p) ?? ''))
    : undefined;
  if (anchor) return insertAt(source, anchor.end, `, ${property}`);
  return appendToList(source, object.properties, object.getStart(), property);
}

/** Adds `element` to `const <name> = [ … ]`: before the first element whose text matches `before`, or last. */
export function addElement(
  path: string,
  source: string,
  name: string,
  element: string,
  before?: RegExp,
): string {
  const array = arrayLiteral(path, parse(path, source), name);
  const file = array.getSourceFile();
  const anchor = before ? array.elements.find((e) => before.test(e.getText(file))) : undefined;
  if (anchor) return insertAt(source, anchor.getStart(file), `${element}, `);
  return appendToList(source, array.elements, array.getStart(file), element);
}

/**
 * Imports `names` from `module`: into its existing named import when there is one (of the same kind, type-only
 * or not), else as a new import after the last one.
 */
export function addImport(
  path: string,
  source: string,
  module: string,
  names: readonly string[],
  options: { typeOnly?: boolean } = {},
): string {
  const file = parse(path, source);
  const imports = file.statements.filter(ts.isImportDeclaration);
  const typeOnly = options.typeOnly === true;
  const existing = imports.find(
    (i) =>
      ts.isStringLiteral(i.moduleSpecifier) &&
      i.moduleSpecifier.text === module &&
      (i.importClause?.isTypeOnly ?? false) === typeOnly &&
      i.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(i.importClause.namedBindings),
  );
  if (existing) {
    const bindings = existing.importClause?.namedBindings as ts.NamedImports;
    const have = new Set(bindings.elements.map((e) => e.name.text));
    const missing = names.filter((n) => !have.has(n));
    if (missing.length === 0) return source;
    return appendToList(source, bindings.elements, bindings.getStart(file), missing.join(', '));
  }
  const statement = `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${module}';\n`;
  const last = imports[imports.length - 1];
  return last ? insertAt(source, last.end, `\n${statement.trimEnd()}`) : statement + source;
}

/** Inserts `statement` after the last top-level statement for which `after` holds. */
export function addStatementAfter(
  path: string,
  source: string,
  after: (statement: ts.Statement, file: ts.SourceFile) => boolean,
  statement: string,
): string {
  const file = parse(path, source);
  const anchor = [...file.statements].reverse().find((s) => after(s, file));
  if (!anchor) fail(path, 'the place for the new declaration');
  return insertAt(source, anchor.end, `\n\n${statement}`);
}

export { ts };
