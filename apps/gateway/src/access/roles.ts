// The tenancy vocabulary is part of the published language between services.
export { BUSINESS_LINES, ROLES, type BusinessLine, type Role } from '@serviceops/contracts';
