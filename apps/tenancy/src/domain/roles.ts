export { ROLES, isRole, type Role } from '@serviceops/contracts';
