import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = Parameters<MetadataStorage['addValidationMetadata']>[0];
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const memoised = new WeakSet<MetadataStorage>();

/**
 * class-validator looks up a class's rules on every `validate`, for every object in the input: it walks every
 * class that has rules (hundreds here) to find the ancestors, then filters and groups their rules; about a
 * third of the REST API's validation time, the same answer each time. This keeps each answer until a rule is
 * added (a class defined later, such as a public gRPC request class, empties the memo). The rules applied are
 * exactly class-validator's: the answers are its own, kept (validation-metadata.unit.spec.ts). Callers only read
 * them, as class-validator's own executor does.
 */
export function memoiseValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoised.has(storage)) return;
  memoised.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let byTarget = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Grouped>();
  storage.addValidationMetadata = (metadata: ValidationMetadata): void => {
    byTarget = new Map();
    grouped = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let answers = byTarget.get(target);
    if (!answers) byTarget.set(target, (answers = new Map<string, ValidationMetadata[]>()));
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = lookUp(target, schema, always, strictGroups, groups)));
    return answer;
  };
  storage.groupByPropertyName = (metadatas) => {
    let answer = grouped.get(metadatas);
    if (!answer) grouped.set(metadatas, (answer = group(metadatas)));
    return answer;
  };
}
