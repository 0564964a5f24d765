// The key pair of internal tokens: the gateway signs a token for every call it makes to a service with the private
// key; each service verifies it with the public key (docs/security.md). Both are one-line base64 of their DER.
//
//   node infra/internal-keys.mjs >> .env     prints INTERNAL_TOKEN_PRIVATE_KEY=… and INTERNAL_TOKEN_PUBLIC_KEYS=…
//
// infra/start.mjs makes one pair per data directory with the same functions.
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** A fresh Ed25519 private key: base64 of its PKCS#8 DER. */
export function newInternalPrivateKey() {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** The public key of a private key given as base64 of PKCS#8 DER, or PEM: base64 of its SPKI DER. */
export function internalPublicKeyOf(privateKey) {
  const text = privateKey.trim();
  const key = text.startsWith('-----BEGIN')
    ? crypto.createPrivateKey(text)
    : crypto.createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  return crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const privateKey = newInternalPrivateKey();
  process.stdout.write(
    `INTERNAL_TOKEN_PRIVATE_KEY=${privateKey}\nINTERNAL_TOKEN_PUBLIC_KEYS=${internalPublicKeyOf(privateKey)}\n`,
  );
}
