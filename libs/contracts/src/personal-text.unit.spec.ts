import { join } from 'node:path';
import { eventTextFields, type EventTextField } from './event-text.testing';
import { PERSONAL_DATA_SEALED, PERSONAL_TEXT } from './fields';
import { NOT_SEALED_TEXT } from './not-sealed-text';

// Every string field of every event type the services record or publish is decided once: sealed with its person's
// key (PERSONAL_TEXT, PERSONAL_DATA_SEALED) or kept in clear with the reason why (NOT_SEALED_TEXT). The event types
// have no runtime schema, so the compiler's type checker walks their declarations: a new field, or a new event,
// carrying a string fails here until someone decides.

const ROOT = join(__dirname, '..', '..', '..');
let fields: readonly EventTextField[];

beforeAll(() => {
  fields = eventTextFields(ROOT);
}, 60_000);

/** Ids (`customerId`, `staffIds[]`, `id`) and instants (`receivedAt`, `at`): by name, never free text. */
const ID_OR_INSTANT = /(?:^|\.)(?:id|at)$|(?:Id|At)$|Ids\[\]$/;

const key = (type: string, path: string): string => `${type}.${path}`;

/** Every sealed (event type, path), with where it is stated. */
function sealed(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [record, where] of Object.entries(PERSONAL_TEXT))
    for (const [field, paths] of Object.entries(where as Record<string, Record<string, string>>))
      for (const [type, path] of Object.entries(paths))
        out.set(key(type, path), `PERSONAL_TEXT.${record}.${field}`);
  for (const [record, types] of Object.entries(PERSONAL_DATA_SEALED))
    for (const [type, paths] of Object.entries(types as Record<string, readonly string[]>))
      for (const path of paths) out.set(key(type, path), `PERSONAL_DATA_SEALED.${record}`);
  return out;
}

describe('every string field of every event is sealed or kept in clear for a stated reason', () => {
  it('finds the event types (a sanity check of the walk)', () => {
    const types = new Set(fields.map((f) => f.type));
    expect(types.size).toBeGreaterThan(120);
    for (const known of [
      'RequestRegistered',
      'ExtraWorkProposed',
      'CandidateApplied',
      'UserRegistered',
      'PersonalDataRead',
    ])
      expect(types).toContain(known);
    expect(fields).toContainEqual(
      expect.objectContaining({ type: 'ContractDrafted', path: 'terms.clauses.deposit' }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({ type: 'CandidateApplied', path: 'education', free: false }),
    );
  });

  it('decides every free-text field: sealed with its person’s key, or in NOT_SEALED_TEXT with why', () => {
    const sealedAt = sealed();
    const undecided = fields
      .filter((f) => f.free && !ID_OR_INSTANT.test(f.path))
      .map((f) => key(f.type, f.path))
      .filter((k) => !sealedAt.has(k) && !(k in NOT_SEALED_TEXT));
    expect(undecided).toEqual([]);
  });

  it('names only fields that exist, each decided once', () => {
    const existing = new Set(fields.map((f) => key(f.type, f.path)));
    const sealedAt = sealed();
    // A record's list (a customer file) applies to each of its event types: each path is in one of them at least.
    const sealedPaths = new Map<string, boolean>();
    for (const k of sealedAt.keys()) {
      const [type = '', ...path] = k.split('.');
      const list = Object.values(PERSONAL_DATA_SEALED).find((types) => type in types);
      const types = list ? Object.keys(list) : [type];
      const where = path.join('.');
      sealedPaths.set(
        k,
        types.some((t) => existing.has(key(t, where))),
      );
    }
    expect([...sealedPaths].filter(([, found]) => !found).map(([k]) => k)).toEqual([]);
    expect(Object.keys(NOT_SEALED_TEXT).filter((k) => !existing.has(k))).toEqual([]);
    expect(Object.keys(NOT_SEALED_TEXT).filter((k) => sealedAt.has(k))).toEqual([]);
    expect(Object.entries(NOT_SEALED_TEXT).filter(([, why]) => why.trim().length < 10)).toEqual([]);
  });
});
