export * from './infra';
export * from './given-when-then';
export * from './bench';
export * from './field-verdicts';
export * from './internal-tokens';
export * from './oidc-issuer';
