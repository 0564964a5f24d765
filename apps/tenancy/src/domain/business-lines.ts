export { BUSINESS_LINES, isBusinessLine, type BusinessLine } from '@serviceops/contracts';
