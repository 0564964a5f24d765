import type { Tree } from '@nx/devkit';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
  visit,
  type Document,
  Scalar,
  YAMLSeq,
  type YAMLMap,
} from 'yaml';

/**
 * Edits to the deployment files through the `yaml` package's document model, which keeps comments, anchors and
 * layout: only what is added is new (Prettier then lays it out as the rest).
 */

export function readText(tree: Tree, path: string): string {
  const text = tree.read(path, 'utf-8');
  if (text === null) throw new Error(`${path} is missing`);
  return text;
}

/** No folding of long lines: Prettier lays them out as the rest of the file. */
const KEEP_LINES = { lineWidth: 0 } as const;

/** A list written inline (`['node', '-r', …]`), its strings quoted as the deployment files quote them. */
export function flowList(items: readonly string[]): YAMLSeq {
  const seq = new YAMLSeq<Scalar>();
  for (const item of items) seq.items.push(new Scalar(item));
  seq.flow = true;
  for (const item of seq.items)
    item.type = String(item.value).includes("'") ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  return seq;
}

/** Edits a one-document YAML file. */
export function editYaml(tree: Tree, path: string, edit: (doc: Document) => void): void {
  const doc = parseDocument(readText(tree, path));
  edit(doc);
  tree.write(path, doc.toString(KEEP_LINES));
}

/** Edits a multi-document YAML file (`---` between Kubernetes objects), optionally appending documents as text. */
export function editYamlDocuments(
  tree: Tree,
  path: string,
  edit: (docs: readonly Document[]) => void,
  append = '',
): void {
  const docs = parseAllDocuments(readText(tree, path));
  for (const doc of docs) if (!('contents' in doc)) throw new Error(`${path}: not YAML`);
  edit(docs as Document[]);
  const text = docs.map((d) => d.toString(KEEP_LINES)).join('');
  tree.write(path, append ? `${text.trimEnd()}\n---\n${append.trim()}\n` : text);
}

/** The node a `&name` anchor marks. */
export function anchored(doc: Document, name: string, path: string): Scalar | YAMLMap | YAMLSeq {
  let found: Scalar | YAMLMap | YAMLSeq | undefined;
  visit(doc, {
    Node(_, node) {
      if (!isAlias(node) && node.anchor === name) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (!found) throw new Error(`${path}: no anchor &${name}`);
  return found;
}

export function mapAt(doc: Document, keys: readonly (string | number)[], path: string): YAMLMap {
  const node = doc.getIn(keys, true);
  if (!isMap(node)) throw new Error(`${path}: ${keys.join('.')} is not a map`);
  return node;
}

export function seqAt(doc: Document, keys: readonly (string | number)[], path: string): YAMLSeq {
  const node = doc.getIn(keys, true);
  if (!isSeq(node)) throw new Error(`${path}: ${keys.join('.')} is not a list`);
  return node;
}

/** The scalar value of a map's key, or of a scalar node itself. */
export function scalarOf(node: unknown, key?: string): unknown {
  const target = key !== undefined && isMap(node) ? node.get(key, true) : node;
  return isScalar(target) ? target.value : undefined;
}

/** Inserts `item` into `seq` before the first item `before` matches, or last. */
export function insertBefore(seq: YAMLSeq, item: unknown, before: (item: unknown) => boolean): void {
  const index = seq.items.findIndex(before);
  seq.items.splice(index < 0 ? seq.items.length : index, 0, item);
}
