import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { GRPC_SERVICES } from '@serviceops/contracts';
import { protoFiles, wireChanges, writeProto, type MethodShapes, type ProtoFile } from './proto-files';
import { routesOnlyDocument } from './routes-only.testing';
import { SchemaReader, type ObjectShape, type Schema } from './rest-shapes';

let app: INestApplication;
let document: OpenAPIObject;
let files: ProtoFile[];

beforeAll(async () => {
  ({ app, document } = await routesOnlyDocument());
  files = protoFiles(document);
});

afterAll(async () => {
  await app?.close();
});

describe('the committed protos', () => {
  it.each(Object.keys(GRPC_SERVICES))(
    '%s.proto is the one the gateway’s shapes write (else run `npm run docs -- proto`)',
    (service) => {
      const file = files.find((f) => f.service === service);
      if (!file) throw new Error(`no proto written for ${service}`);
      const verdict = ({ written, committed, path: at }: ProtoFile) => {
        if (written === committed) return 'up to date';
        const [lines, want] = [committed.split('\n'), written.split('\n')];
        const line = lines.findIndex((text, i) => text !== want[i]) + 1 || lines.length + 1;
        return `stale from line ${line}: run \`npm run docs -- proto\` and commit ${path.basename(at)}`;
      };
      expect(verdict(file)).toBe('up to date');
    },
  );

  it('written again from what was written, stay the same (the writer is a fixed point)', () => {
    const written = new Map(files.map((f) => [f.path, f.written]));
    const again = protoFiles(document, (file) => written.get(file) ?? '');
    expect(again.filter((f) => f.written !== f.committed).map((f) => f.service)).toEqual([]);
    for (const f of files)
      expect({ [f.service]: wireChanges(f.committed, f.written) }).toEqual({ [f.service]: [] });
  });
});

// --- the writer, on a small proto ----------------------------------------------------------------------------------

const SCHEMAS: Record<string, Schema> = {
  Crate: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      weightGrams: { type: 'integer', description: 'grams, never a fraction' },
      labels: { type: 'array', items: { type: 'string' } },
      sender: { $ref: '#/components/schemas/Address' },
    },
    required: ['id', 'weightGrams', 'labels', 'sender'],
  },
  Address: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
};

const PROTO = `syntax = "proto3";

// Crates: a sample service.
package sample.crates.v1;

service Crates {
  // Reads one crate.
  rpc GetCrate(GetCrateRequest) returns (Crate);
}

message GetCrateRequest {
  string crate_id = 1;
}

// A crate as its commands answer it.
message Crate {
  string id = 1;
  // grams, never a fraction
  int64 weight_grams = 2;
  repeated string labels = 3;
  Address sender = 4;
  reserved 5; // note: dropped
}

message Address {
  string city = 1;
}
`;

const reader = new SchemaReader(SCHEMAS);
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const shape = (name: string): ObjectShape => {
  const found = reader.shapeOf(ref(name));
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const getCrate = (request: Partial<ObjectShape> = {}): MethodShapes => ({
  method: 'GetCrate',
  summary: 'Reads one crate.',
  request: {
    name: 'the REST call',
    properties: { crateId: { type: 'string' } },
    required: ['crateId'],
    ...request,
  },
  answer: shape('Crate'),
});

/** The proto with `Crate` (or another schema) changed as `change` says. */
function writtenWith(change: (crate: Record<string, Schema>) => void, methods?: MethodShapes[]): string {
  const crate = { ...((SCHEMAS['Crate'] as { properties: Record<string, Schema> }).properties ?? {}) };
  change(crate);
  const changed = new SchemaReader({
    ...SCHEMAS,
    Crate: { ...SCHEMAS['Crate'], properties: crate },
  });
  const answer = changed.shapeOf(ref('Crate'));
  return writeProto('crates.proto', PROTO, methods ?? [{ ...getCrate(), answer }], changed);
}

describe('writing a proto over the committed one', () => {
  it('keeps an unchanged file as it is: numbers, types, comments, the opening', () => {
    expect(writeProto('crates.proto', PROTO, [getCrate()], reader)).toBe(PROTO);
  });

  it('gives a new field the next free number, past the reserved ones', () => {
    const written = writtenWith((p) => {
      p['note'] = { type: 'string' };
    });
    expect(written).toContain('  optional string note = 6;\n');
    expect(written).toContain('  // grams, never a fraction\n  int64 weight_grams = 2;\n');
  });

  it('reserves a removed field’s number, and keeps the others’', () => {
    const written = writtenWith((p) => {
      delete p['labels'];
    });
    expect(written).toContain('  reserved 3; // labels: no longer in Crate\n');
    expect(written).toContain('  Address sender = 4;\n');
    expect(written).not.toContain('labels = 3');
  });

  it('refuses to change a field’s type, naming it', () => {
    expect(() =>
      writtenWith((p) => {
        p['weightGrams'] = { type: 'string' };
      }),
    ).toThrow(
      /GetCrate answer\.weightGrams: int64 in the proto, string over REST: changing the field would break/,
    );
    expect(() =>
      writtenWith((p) => {
        p['labels'] = { type: 'string' };
      }),
    ).toThrow(/labels: repeated string in the proto, string over REST/);
  });

  it('writes a new method: its rpc after the others, and its request', () => {
    const written = writtenWith(
      () => undefined,
      [
        getCrate(),
        {
          method: 'WeighCrate',
          request: {
            name: 'the REST call',
            properties: { id: { type: 'string' }, expectedVersion: { type: 'integer' } },
            required: ['id'],
          },
          answer: shape('Crate'),
        },
      ],
    );
    expect(written).toContain('  rpc WeighCrate(WeighCrateRequest) returns (Crate);\n}');
    expect(written).toContain(
      'message WeighCrateRequest {\n  string id = 1;\n  optional int32 expected_version = 2;\n}\n',
    );
  });

  it('leaves a new service’s proto (no method yet) as the service generator writes it, then adds its first', () => {
    const empty = 'syntax = "proto3";\n\n// Crates.\npackage sample.crates.v1;\n\nservice Crates {\n}\n';
    expect(writeProto('crates.proto', empty, [], reader)).toBe(empty);
    const first = writeProto('crates.proto', empty, [getCrate()], reader);
    expect(first).toContain(
      'service Crates {\n  // Reads one crate.\n  rpc GetCrate(GetCrateRequest) returns (Crate);\n}\n\nmessage',
    );
    expect(first).toContain('message Address {\n  string city = 1;\n}\n');
  });

  it('makes a new integer an int32 unless REST lets it pass int32 (money’s amount: an int64)', () => {
    const written = writtenWith((p) => {
      p['count'] = { type: 'integer', minimum: 0, maximum: 2_147_483_647 };
      p['amount'] = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
      p['total'] = { type: 'integer', format: 'int64' };
    });
    expect(written).toContain(
      '  optional int32 count = 6;\n  optional int64 amount = 7;\n  optional int64 total = 8;\n',
    );
  });

  it('reserves the numbers of fields gone, and drops a message no method reaches any more', () => {
    const answer: ObjectShape = { name: 'Crate', properties: { id: { type: 'string' } }, required: ['id'] };
    const written = writeProto('crates.proto', PROTO, [{ ...getCrate(), answer }], reader);
    expect(written).toContain(
      '  string id = 1;\n  reserved 5; // note: dropped\n  reserved 2; // weight_grams: no longer in Crate\n',
    );
    expect(written).toContain('  reserved 4; // sender: no longer in Crate\n}');
    expect(written).not.toContain('message Address');
  });

  it('keeps a fenced message verbatim, whatever REST says, and refuses an undeclared method outside a fence', () => {
    const fence = (text: string, end: RegExp) =>
      text
        .replace('// A crate as', '// hand-written: gRPC answers more than REST\n// A crate as')
        .replace(end, (m) => `${m}// end hand-written\n`)
        .replace('string id = 1;\n', 'string id = 1;  // spaced by hand\n');
    const fenced = fence(PROTO, /message Address \{[^}]*\}\n/);
    const kept = writeProto(
      'crates.proto',
      fenced,
      [{ ...getCrate(), answer: { name: 'Crate', properties: {}, required: [] } }],
      reader,
    );
    expect(kept).toContain('// hand-written: gRPC answers more than REST\n// A crate');
    expect(kept).toContain('string id = 1;  // spaced by hand');
    // Address, used by the fenced Crate only, is written from no REST shape any more: it must be fenced too.
    expect(() =>
      writeProto(
        'crates.proto',
        fence(PROTO, /message Crate \{[^}]*\}\n/),
        [{ ...getCrate(), answer: { name: 'Crate', properties: {}, required: [] } }],
        reader,
      ),
    ).toThrow(/Address.*: a message a hand-written one uses is written from REST, or fenced too/);
    expect(() => writeProto('crates.proto', PROTO, [], reader)).toThrow(
      /GetCrate has no declaration; fence its message GetCrateRequest/,
    );
  });
});

describe('the comments of a proto', () => {
  it('says of a method what its declaration’s summary says, wrapped at 110 columns', () => {
    const summary = `Weighs a crate: ${'heavy '.repeat(20).trim()}.`;
    const written = writeProto('crates.proto', PROTO, [{ ...getCrate(), summary }], reader);
    const comment = written
      .split('\n')
      .filter((line) => line.startsWith('  // Weighs') || line.startsWith('  // heavy'));
    expect(comment.length).toBe(2);
    expect(Math.max(...comment.map((line) => line.length))).toBeLessThanOrEqual(110);
    expect(
      comment
        .join(' ')
        .replace(/\s*\/\/ /g, ' ')
        .trim(),
    ).toBe(summary);
    expect(written).not.toContain('Reads one crate.');
  });

  it('says of a field what OpenAPI says: its description, else its enum’s values, or both', () => {
    const written = writtenWith((p) => {
      p['labels'] = { type: 'array', items: { type: 'string', enum: ['fragile', 'cold'] } };
      p['id'] = { type: 'string', description: 'the crate’s number' };
      p['note'] = { type: 'string', enum: ['a', 'b'], description: 'a remark' };
    });
    expect(written).toContain('  // fragile, cold\n  repeated string labels = 3;\n');
    expect(written).toContain('  // the crate’s number\n  string id = 1;\n');
    expect(written).toContain('  // a remark: a, b\n  optional string note = 6;\n');
  });

  it('drops a field’s comment OpenAPI does not say (the words live in the gateway’s class)', () => {
    const written = writtenWith((p) => {
      p['weightGrams'] = { type: 'integer' };
    });
    expect(written).toContain('  Address sender = 4;\n');
    expect(written).not.toContain('never a fraction');
  });

  it('keeps the proto’s own words: the opening, a message’s comment, a group’s heading', () => {
    const grouped = PROTO.replace('service Crates {\n', 'service Crates {\n  // ---- reading ----\n\n');
    const written = writeProto('crates.proto', grouped, [getCrate()], reader);
    expect(written).toBe(grouped);
    expect(writeProto('crates.proto', written, [getCrate()], reader)).toBe(written);
    expect(written).toContain('// A crate as its commands answer it.\nmessage Crate {');
  });

  it('writes a message reached from two shapes once, with the first one’s words, if their wire agrees', () => {
    const quiet = reader.shapeOf(ref('Address'));
    if (!quiet) throw new Error('no Address');
    const worded: ObjectShape = {
      ...quiet,
      properties: { city: { type: 'string', description: 'where it goes' } },
    };
    const methods = (first: ObjectShape, second: ObjectShape): MethodShapes[] => [
      { method: 'Ship', request: { ...first, name: 'the REST call' }, answer: first },
      { method: 'Return', request: { ...second, name: 'the REST call' }, answer: second },
      { method: 'GetCrate', request: getCrate().request, answer: shape('Crate') },
    ];
    const proto = PROTO.replace(
      '  rpc GetCrate(GetCrateRequest) returns (Crate);\n',
      '  rpc GetCrate(GetCrateRequest) returns (Crate);\n  rpc Ship(Address) returns (Address);\n  rpc Return(Address) returns (Address);\n',
    );
    expect(writeProto('crates.proto', proto, methods(worded, quiet), reader)).toContain(
      '  // where it goes\n  string city = 1;',
    );
    expect(writeProto('crates.proto', proto, methods(quiet, worded), reader)).not.toContain('where it goes');
  });
});

describe('the wire of a proto', () => {
  it('changes with a field’s number or type, or a reserved number taken; not with comments or layout', () => {
    expect(wireChanges(PROTO, PROTO.replaceAll('// ', '//  ').replace('\n\n', '\n'))).toEqual([]);
    expect(wireChanges(PROTO, PROTO.replace('weight_grams = 2', 'weight_grams = 6'))).toEqual([
      'Crate.weight_grams was int64 = 2, now int64 = 6',
    ]);
    expect(wireChanges(PROTO, PROTO.replace('int64 weight_grams', 'int32 weight_grams'))).toEqual([
      'Crate.weight_grams was int64 = 2, now int32 = 2',
    ]);
    expect(wireChanges(PROTO, PROTO.replace('repeated string labels', 'repeated string tags'))).toEqual([
      'Crate.tags takes number 3 of labels',
    ]);
    expect(wireChanges(PROTO, PROTO.replace('returns (Crate)', 'returns (Address)'))).toEqual([
      'GetCrate now takes GetCrateRequest and answers Address',
    ]);
    expect(
      wireChanges(PROTO, PROTO.replace('  Address sender = 4;', '  Address sender = 4;\n  string note = 5;')),
    ).toEqual(['Crate.note takes reserved number 5']);
  });
});
