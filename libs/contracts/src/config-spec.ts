/**
 * Typed configuration from environment variables, validated at boot: every problem is reported at once
 * and the process refuses to start. A spec is data, so the README's table and the deployment files'
 * tests can list exactly the variables a service reads. The specs are plain data (no loader, no framework), so
 * the contract they are part of stays importable from anywhere; libs/platform's `loadConfig` reads them.
 */
export type VarSpec =
  | {
      readonly kind: 'string';
      readonly default?: string;
      readonly minLength?: number;
      readonly doc: string;
      readonly secret?: boolean;
    }
  | {
      readonly kind: 'int';
      readonly default?: number;
      readonly min?: number;
      readonly max?: number;
      readonly doc: string;
    }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly default?: string;
      readonly doc: string;
    }
  | {
      readonly kind: 'url';
      readonly default?: string;
      readonly protocols: readonly string[];
      readonly doc: string;
      readonly secret?: boolean;
    }
  | { readonly kind: 'list'; readonly default?: readonly string[]; readonly doc: string };

export interface OptionalVar {
  readonly optional: true;
}
export type ConfigSpec = Readonly<Record<string, VarSpec & Partial<OptionalVar>>>;

type ValueOf<S extends VarSpec> = S extends { kind: 'int' }
  ? number
  : S extends { kind: 'list' }
    ? readonly string[]
    : string;

export type Config<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends OptionalVar ? ValueOf<S[K]> | undefined : ValueOf<S[K]>;
};

export function defineConfig<S extends ConfigSpec>(spec: S): S {
  return spec;
}
