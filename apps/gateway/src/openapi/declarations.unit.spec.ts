import type { INestApplication } from '@nestjs/common';
import { routesOnlyDocument } from './routes-only.testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { allDeclarations, PUBLIC } from '@serviceops/contracts';
import { httpStatusOfCode } from '@serviceops/platform';
import { API_PREFIX } from '../gateway';

let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await routesOnlyDocument());
});

afterAll(async () => {
  await app?.close();
});

/** `customers/:id/merge` as OpenAPI writes it: `/api/v1/customers/{id}/merge`. */
const openApiPath = (path: string): string => `/${API_PREFIX}/${path.replace(/:(\w+)/g, '{$1}')}`;

describe('every declaration is served as declared', () => {
  it.each(allDeclarations().map(({ rpc, declaration }) => [rpc, declaration]))(
    '%s',
    (rpc, { http, access, summary, errors = [] }) => {
      const operation =
        document.paths[openApiPath(http.path)]?.[http.method.toLowerCase() as 'get' | 'post' | 'put'];
      expect(operation).toBeDefined();
      expect(operation?.operationId).toBe(rpc.replace('.', '_'));
      expect(operation?.summary).toBe(summary);
      expect(Object.keys(operation?.responses ?? {})).toContain(String(http.status));
      expect(operation?.security !== undefined).toBe(access !== PUBLIC);
      // Each problem code it declares, under the status the code takes.
      for (const code of errors) {
        const response = operation?.responses[String(httpStatusOfCode(code))] as
          { description?: string } | undefined;
        expect({ code, description: response?.description }).toEqual({
          code,
          description: expect.stringContaining(`\`${code}\``) as string,
        });
      }
      for (const name of http.uuidParams ?? [])
        expect(operation?.parameters).toContainEqual({
          name,
          in: 'path',
          required: true,
          schema: { type: 'string', format: 'uuid' },
        });
    },
  );

  it('and nothing else is served', () => {
    const declared = allDeclarations().map(
      ({ declaration: { http } }) => `${http.method} ${openApiPath(http.path)}`,
    );
    const served = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.sort()).toEqual(declared.sort());
  });
});
