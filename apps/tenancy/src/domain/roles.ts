export {
  PLATFORM_OPERATOR,
  PLATFORM_TENANT_ID,
  ROLES,
  TENANT_ROLES,
  isRole,
  type Role,
} from '@serviceops/contracts';
