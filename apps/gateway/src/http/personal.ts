import type { Type } from '@nestjs/common';

/** @nestjs/swagger's metadata keys of a class's properties (its `DECORATORS`, not exported by the package). */
const DECORATORS = {
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
} as const;

/**
 * What an answer field holds, stated once on the field of its view class: the idempotency store leaves out
 * personal and secret fields of a kept answer (`keptAnswerOf`), the OpenAPI document says it (`x-personal-data`,
 * `x-secret`), and a unit test requires every free-text field of every answer to say one or the other.
 */
export type Classification =
  /** About a person: sealed at rest where it is recorded (its sealed source, where it is free text of an event). */
  | { readonly kind: 'personal'; readonly sealed?: object }
  /** A credential answered once (a token, an activation link). */
  | { readonly kind: 'secret' }
  /** Free text that is about no person (a posting's title, a resource's name), with why. */
  | { readonly kind: 'not-personal'; readonly why: string };

const CLASSIFIED = Symbol('serviceops:classified');

type Classified = Map<string, Classification>;

function classify(classification: Classification, extension: Record<string, unknown>): PropertyDecorator {
  return (target, key) => {
    const own = (Reflect.getOwnMetadata(CLASSIFIED, target) as Classified | undefined) ?? new Map();
    if (!Reflect.hasOwnMetadata(CLASSIFIED, target)) {
      const inherited = Reflect.getMetadata(CLASSIFIED, target) as Classified | undefined;
      for (const [name, value] of inherited ?? []) own.set(name, value);
      Reflect.defineMetadata(CLASSIFIED, own, target);
    }
    own.set(String(key), classification);
    // Merged into the property's OpenAPI schema, whichever of this and @ApiProperty runs first.
    const existing = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, target, key) as
      Record<string, unknown> | undefined;
    // Run first, it states the property's type as @nestjs/swagger would (which then merges its own options).
    const type: unknown = existing ? undefined : Reflect.getMetadata('design:type', target, key);
    Reflect.defineMetadata(
      DECORATORS.API_MODEL_PROPERTIES,
      { ...(type === undefined ? {} : { type }), ...existing, ...extension },
      target,
      key,
    );
  };
}

/**
 * A person's data (a name, a phone, free text about them). `sealed` is where the service seals it: a
 * `PERSONAL_TEXT` entry (libs/contracts fields.ts) for free text of an event, so a test relates each sealed text
 * to the answers that show it.
 */
export function Personal(sealed?: object): PropertyDecorator {
  return classify(sealed === undefined ? { kind: 'personal' } : { kind: 'personal', sealed }, {
    'x-personal-data': true,
  });
}

/** A credential answered once: never kept, never logged. */
export function Secret(): PropertyDecorator {
  return classify({ kind: 'secret' }, { 'x-secret': true });
}

/** Free text that is not about a person, and why: kept in a replayed answer. */
export function NotPersonal(why: string): PropertyDecorator {
  return classify({ kind: 'not-personal', why }, { 'x-personal-data': false });
}

/** The fields of a view class with what each holds (stated with the decorators above). */
export function classificationsOf(view: Type<unknown>): ReadonlyMap<string, Classification> {
  return (Reflect.getMetadata(CLASSIFIED, view.prototype as object) as Classified | undefined) ?? new Map();
}

/** A property's type as @ApiProperty states it: a view class (a list of them too), or undefined for a scalar. */
export function viewTypeOf(view: Type<unknown>, key: string): Type<unknown> | undefined {
  const metadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, view.prototype as object, key) as
    { type?: unknown } | undefined;
  let type = metadata?.type;
  if (Array.isArray(type)) type = type[0];
  if (typeof type !== 'function') return undefined;
  // A lazy type (`type: () => View`) is an arrow function: no prototype.
  if (!('prototype' in type) || type.prototype === undefined) type = (type as () => unknown)();
  if (typeof type !== 'function' || [String, Number, Boolean, Object, Date].includes(type as never))
    return undefined;
  return type as Type<unknown>;
}

/** The property names @ApiProperty lists for a view class. */
export function propertiesOf(view: Type<unknown>): readonly string[] {
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, view.prototype as object) ??
    []) as string[];
  return keys.map((key) => key.replace(/^:/, ''));
}

/** Whether @ApiProperty states the property required (its default) rather than optional. */
export function isRequired(view: Type<unknown>, key: string): boolean {
  const metadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, view.prototype as object, key) as
    { required?: boolean } | undefined;
  return metadata?.required !== false;
}
