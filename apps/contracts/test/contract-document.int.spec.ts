import { addDays } from '@serviceops/kernel';
import { randomUUID } from 'node:crypto';
import { ContractStore } from '../src/application/contract-store';
import {
  adminOf,
  contractsDatabaseFor,
  declaredMethods,
  practicePackage,
  signatureOf as sign,
} from './contracts-on-own-database';

// Issue 14 item 8 on a real database: the document of a version is rendered from what the store holds, and the hash
// both parties signed is kept in the signing event; a text that changed since (here the signed version's stored terms,
// altered behind the service's back) no longer matches the hash signed, and the answer says so.

const db = contractsDatabaseFor('contracts_document');
const call = adminOf(randomUUID(), 'contract-document-test');
const app = () => db().running().app;

interface ContractDocument {
  version: number;
  text: string;
  contentHash: string;
  signedHash?: string;
  matchesSigned: boolean;
}

it('detects a document changed after signing: the content hash no longer matches the hash signed', async () => {
  const contracts = declaredMethods(app());
  const documentOf = declaredMethods<ContractDocument>(app()).GetContractDocument;
  const today = await app().get(ContractStore).today(call.tenantId);
  const draft = await contracts.DraftContract(practicePackage(addDays(today, -1), addDays(today, 90)), call);

  // Not signed yet: there is no signed hash to match.
  const unsigned = await documentOf({ id: draft.id }, call);
  expect(unsigned).toMatchObject({ version: 0, matchesSigned: false });
  expect(unsigned.signedHash).toBeUndefined();

  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);
  const signed = await documentOf({ id: draft.id, version: 1 }, call);
  expect(signed).toMatchObject({ version: 1, matchesSigned: true });
  expect(signed.signedHash).toBe(signed.contentHash);
  expect(signed.text).toContain('practice session');

  // The signed version's stored terms altered (its hash left as signed): one item's description rewritten.
  const altered = await db().pool.query(
    `UPDATE events SET data = jsonb_set(data, '{terms,items,0,description}', '"practice session (30 minutes)"')
      WHERE stream_id LIKE $1 AND type = 'ContractSigned'`,
    [`%${draft.id}`],
  );
  expect(altered.rowCount).toBe(1);

  const changed = await documentOf({ id: draft.id, version: 1 }, call);
  expect(changed.text).toContain('practice session (30 minutes)');
  expect(changed.signedHash).toBe(signed.signedHash);
  expect(changed.contentHash).not.toBe(signed.contentHash);
  expect(changed.matchesSigned).toBe(false);
}, 60_000);
