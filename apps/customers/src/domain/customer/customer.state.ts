import type { CustomerChannel } from '@serviceops/contracts';
import type { CustomerNeed, Gender } from './customer.events';

/** The customer file's fields (personal ones in clear, as the domain sees them). */
export interface CustomerFile {
  readonly customerId: string;
  readonly name: string;
  readonly gender?: Gender;
  readonly birthDate?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly address?: string;
  readonly idNumber?: string;
  readonly needs?: readonly CustomerNeed[];
  readonly notes?: string;
  readonly channel: CustomerChannel;
  readonly branchId?: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
  /** Duplicates merged into this customer. */
  readonly mergedFrom: readonly string[];
}

export type CustomerState =
  | { readonly status: 'absent' }
  | ({ readonly status: 'active' } & CustomerFile)
  /** Merged into `mergedInto`: the file is kept so the merge can be undone. */
  | ({ readonly status: 'merged'; readonly mergedInto: string } & CustomerFile)
  /** Forgotten: only what is not personal remains. */
  | {
      readonly status: 'erased';
      readonly customerId: string;
      readonly channel: CustomerChannel;
      readonly branchId?: string;
      readonly registeredAt: string;
      readonly updatedAt: string;
      readonly erasedAt: string;
      readonly mergedFrom: readonly string[];
    };

export const initialCustomerState = (): CustomerState => ({ status: 'absent' });
