export * from './errors';
export * from './event';
export * from './decider';
export * from './clock';
export * from './ids';
export * from './money';
export * from './business-calendar';
export * from './local-date';
