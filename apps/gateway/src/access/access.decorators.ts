import { SetMetadata, type CustomDecorator } from '@nestjs/common';
import { ANY_ROLE, PUBLIC, accessOf, type Access, type Rpc } from './access.table';
import type { Role } from './roles';

export const ACCESS_METADATA = 'serviceops:access';

/** No token needed. */
export const Public = (): CustomDecorator<string> => SetMetadata(ACCESS_METADATA, PUBLIC);

/** Any authenticated user. */
export const AnyRole = (): CustomDecorator<string> => SetMetadata(ACCESS_METADATA, ANY_ROLE);

/** An authenticated user holding at least one of `roles`. */
export const Roles = (...roles: Role[]): CustomDecorator<string> => SetMetadata(ACCESS_METADATA, roles);

/** The access rule of the RPC a route ends in, from the one table the public gRPC API uses too. */
export function AccessOf(rpc: Rpc): CustomDecorator<string> {
  const access: Access = accessOf(rpc);
  if (access === PUBLIC) return Public();
  if (access === ANY_ROLE) return AnyRole();
  return Roles(...access);
}

/** The RPC a route ends in, as handler metadata (tests check every RPC has a route or is gRPC-only). */
export const RPC_METADATA = 'serviceops:rpc';

/** The answer's view class of a route (what it marks personal: the idempotency store keeps the rest). */
export const ANSWER_METADATA = 'serviceops:answer';
