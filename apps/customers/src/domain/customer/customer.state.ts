import type { CustomerChannel } from '@serviceops/contracts';

export type CustomerState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'active';
      readonly customerId: string;
      readonly name: string;
      readonly phone?: string;
      readonly email?: string;
      readonly channel: CustomerChannel;
      readonly branchId?: string;
      readonly notes?: string;
      readonly registeredAt: string;
      readonly updatedAt: string;
    };

export const initialCustomerState = (): CustomerState => ({ status: 'absent' });
