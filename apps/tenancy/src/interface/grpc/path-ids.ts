import { UseInterceptors, type NestInterceptor, type Type } from '@nestjs/common';
import type { API } from '@serviceops/contracts';

/**
 * Where tenancy's messages carry the id a route's path names (`users/:id/disable` → `DisableUserRequest.user_id`).
 * The declarations call it `id`, and platform's `requestOf` checks and lower-cases the request's `id` before the
 * handler runs (NOT_FOUND when malformed); tenancy's public messages name the field after what it is.
 */
export const TENANCY_PATH_IDS = {
  ChangeUserRoles: 'userId',
  DisableUser: 'userId',
  GetTenantById: 'tenantId',
  DisableTenant: 'tenantId',
  EnableTenant: 'tenantId',
} as const satisfies Partial<Record<keyof (typeof API)['tenancy'], string>>;

/**
 * Hands each listed method's id to `requestOf` as `id`, so the handler gets it checked and lower-cased like any
 * other service's. A stopgap: once handles.ts learns from the declaration which field a path id travels in,
 * this goes. The request keeps its own field too.
 */
export function withPathIds<T extends Type>(controller: T, fields: Readonly<Record<string, string>>): T {
  const prototype = controller.prototype as object;
  for (const [method, field] of Object.entries(fields)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, method);
    if (!descriptor) throw new Error(`${controller.name} serves no ${method}`);
    const pathId: NestInterceptor = {
      intercept(context, next) {
        const args = context.getArgs<[Record<string, unknown> | undefined]>();
        const request = args[0] ?? {};
        args[0] = { ...request, id: request[field] };
        return next.handle();
      },
    };
    UseInterceptors(pathId)(prototype, method, descriptor);
  }
  return controller;
}
