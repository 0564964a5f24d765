import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { allDeclarations, type Rpc } from '@serviceops/contracts';
import { routesOnlyDocument } from './routes-only.testing';
import { differencesOf } from './rest-grpc-fields.testing';

/**
 * Where REST and gRPC carry a method's data differently on purpose, each with why: the fields (under the
 * request or the answer) the check leaves out for that method. Renamed path parameters, If-Match's
 * `expectedVersion` and a body that is one field of the request are not here: the declaration says them
 * (`paramFields`, `ifMatch`, `bodyField`).
 */
const EXCEPTIONS: Readonly<
  Partial<Record<Rpc, { readonly fields: readonly string[]; readonly why: string }>>
> = Object.fromEntries(
  (['tenancy.Authenticate', 'tenancy.RefreshAccessToken', 'tenancy.ActivateUser'] as const).map((rpc) => [
    rpc,
    {
      // The service names the user signed in; the gateway signs the access token for it. REST answers the
      // token (and its type and lifetime); gRPC sends it in the `authorization` metadata beside the user.
      fields: [
        'answer.accessToken',
        'answer.tokenType',
        'answer.expiresIn',
        'answer.userId',
        'answer.tenantId',
        'answer.username',
        'answer.roles',
        'answer.tokenVersion',
      ],
      why: 'a sign-in answers the access token the gateway signs: in the body over REST, in metadata over gRPC',
    },
  ]),
);

let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await routesOnlyDocument());
});

afterAll(async () => {
  await app?.close();
});

/** A difference the exceptions allow: `<rpc> answer.accessToken: …` for an excepted field of that method. */
function excepted(rpc: Rpc, difference: string): boolean {
  return (EXCEPTIONS[rpc]?.fields ?? []).some((field) => difference.startsWith(`${rpc} ${field}:`));
}

describe('REST and gRPC carry the same fields', () => {
  it.each(allDeclarations().map(({ rpc, declaration }) => [rpc, declaration] as const))(
    '%s: the REST call is the request message, the answer the reply message',
    (rpc, declaration) => {
      const differences = differencesOf(document, rpc, declaration).filter((d) => !excepted(rpc, d));
      expect(differences).toEqual([]);
    },
  );

  it.each(Object.entries(EXCEPTIONS))('%s: each excepted field still differs', (rpc, exception) => {
    const declaration = allDeclarations().find((d) => d.rpc === rpc)?.declaration;
    if (!declaration) throw new Error(`no declaration ${rpc}`);
    const differences = differencesOf(document, rpc as Rpc, declaration);
    for (const field of exception?.fields ?? [])
      expect({ field, differs: differences.some((d) => d.startsWith(`${rpc} ${field}:`)) }).toEqual({
        field,
        differs: true,
      });
  });
});
