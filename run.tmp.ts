import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { routesOnlyDocument } from './apps/gateway/src/openapi/routes-only.testing';
import { GRPC_SERVICES, allDeclarations } from '@serviceops/contracts';
import { writeProto } from './apps/gateway/src/openapi/proto-files';
import { SchemaReader, operationOf, restRequestOf, restAnswerOf } from './apps/gateway/src/openapi/rest-shapes';
import { readFileSync } from 'node:fs';
(async () => {
  const { app, document } = await routesOnlyDocument();
  const reader = new SchemaReader(document.components?.schemas ?? {});
  for (const s of Object.keys(GRPC_SERVICES) as (keyof typeof GRPC_SERVICES)[]) {
    try {
      const methods = allDeclarations().filter(d => d.rpc.startsWith(s + '.')).map(({rpc, declaration}) => {
        const op = operationOf(document, rpc)!;
        return { method: rpc.split('.')[1]!, request: restRequestOf(reader, op, declaration), answer: restAnswerOf(reader, op, declaration) };
      });
      const out = writeProto(s + '.proto', readFileSync(GRPC_SERVICES[s].proto, 'utf8'), methods, reader);
      writeFileSync(`/tmp/gen-${s}.proto`, out);
      console.log(s, 'OK');
    } catch (e) { console.log(s, 'ERR', (e as Error).message); }
  }
  await app.close();
})();
