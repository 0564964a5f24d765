import { isUuid, moneyOfMessage, type Money, type MoneyMessage } from '@serviceops/kernel';
import { ProblemError } from './errors';

// `optional`, `removable` and `moneyOfMessage` are the kernel's: a use case maps its request with them in the domain.
export { moneyOfMessage, optional, removable, type MoneyMessage } from '@serviceops/kernel';

/** A UUID in a request's body (a path's are checked by the declaration): malformed is a validation error. */
export function uuidField(id: string | undefined, field: string): string {
  if (!id || !isUuid(id))
    throw new ProblemError('VALIDATION', `${field} must be a uuid`, [
      { path: field, message: 'must be a uuid' },
    ]);
  return id.toLowerCase();
}

/** An optional money field: absent stays absent. */
export function optionalMoney(m: MoneyMessage | undefined): Money | undefined {
  return m === undefined ? undefined : moneyOfMessage(m);
}
