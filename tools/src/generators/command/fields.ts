// The fields a generated command takes (`--fields amount:money,dueOn:date`): one kind each, and from the kind its
// REST body's validation (the gRPC request's validation and the proto's field are derived from it: a REST integer
// bounded to int32 is an int32, money's amount an int64), the domain's type, and a
// sample for the rule test. Free text is refused: it is personal data until shown otherwise, sealed with its
// person's key, so it is added by hand.

export const FIELD_KINDS = ['money', 'date', 'instant', 'int', 'uuid'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface Field {
  /** camelCase: `dueOn`. */
  readonly name: string;
  readonly kind: FieldKind;
}

const FIELD_NAME = /^[a-z][a-zA-Z0-9]*$/;
/** The proto's int32, which a REST integer must fit. */
export const MAX_INT32 = 2_147_483_647;

/** Parses `name:kind,…`; refuses text, unknown kinds, names taken or malformed. */
export function fieldsOf(spec: string | undefined, reserved: readonly string[]): Field[] {
  if (spec === undefined || spec.trim() === '') return [];
  const fields = spec.split(',').map((part): Field => {
    const [name = '', kind = '', ...rest] = part.trim().split(':');
    if (!FIELD_NAME.test(name) || kind === '' || rest.length > 0)
      throw new Error(`"${part.trim()}" is not a field: name:kind, the name camelCase (dueOn:date)`);
    if (kind === 'text')
      throw new Error(
        `${name}: a text field is added by hand — free text must be sealed (a RULES rule with @Follows in the ` +
          'REST body, the same rule in the domain, sealed with its person’s key before it is stored)',
      );
    if (!(FIELD_KINDS as readonly string[]).includes(kind))
      throw new Error(`${name}: "${kind}" is no field kind (${FIELD_KINDS.join(', ')}; text by hand)`);
    if (reserved.includes(name)) throw new Error(`${name}: the command has that field already`);
    return { name, kind: kind as FieldKind };
  });
  const names = fields.map((f) => f.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`${twice}: a field named twice`);
  return fields;
}

export function domainType(field: Field): string {
  return field.kind === 'money' ? 'Money' : field.kind === 'int' ? 'number' : 'string';
}

/** A value the rule test gives the command. */
export function sampleOf(field: Field): string {
  return {
    money: "{ amount: 1500, currency: 'CNY' }",
    date: "'2026-03-02'",
    instant: "'2026-03-02T01:00:00.000Z'",
    int: '1',
    uuid: 'ID',
  }[field.kind];
}

/** The gRPC request's field (proto-loader: int64 as a string, absent as undefined) as the domain takes it. */
export function fromRequest(field: Field): string {
  const value = `request.${field.name}`;
  switch (field.kind) {
    case 'money':
      return `{ amount: Number(${value}?.amount ?? 0), currency: ${value}?.currency ?? '' }`;
    case 'int':
      return `${value} ?? 0`;
    case 'date':
    case 'instant':
    case 'uuid':
      return `${value} ?? ''`;
  }
}

/** The gRPC request's type of the field. */
export function requestType(field: Field): string {
  return field.kind === 'money'
    ? '{ readonly amount?: number | string; readonly currency?: string }'
    : field.kind === 'int'
      ? 'number'
      : 'string';
}

/** The REST body's property: its OpenAPI schema and validation (class-validator, or a RULES rule). */
export function dtoProperty(field: Field): string {
  switch (field.kind) {
    case 'money':
      return `  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  ${field.name}!: MoneyDto;`;
    case 'date':
      return `  @Follows(RULES.dateOnly)
  ${field.name}!: string;`;
    case 'instant':
      return `  @Follows(RULES.instant)
  ${field.name}!: string;`;
    case 'uuid':
      return `  @Follows(RULES.uuid)
  ${field.name}!: string;`;
    case 'int':
      return `  // Narrow the bounds to the rule; the proto's int32 holds at most these.
  @ApiProperty({ type: 'integer', minimum: 0, maximum: ${MAX_INT32} })
  @IsInt()
  @Min(0)
  @Max(${MAX_INT32})
  ${field.name}!: number;`;
  }
}

/** The imports a REST body of these fields needs, by module. */
export function dtoImports(fields: readonly Field[]): [string, string[]][] {
  const kinds = new Set(fields.map((f) => f.kind));
  const ruled = kinds.has('date') || kinds.has('instant') || kinds.has('uuid');
  const imports: [string, string[]][] = [
    ['@nestjs/swagger', ['ApiSchema', ...(kinds.has('money') || kinds.has('int') ? ['ApiProperty'] : [])]],
  ];
  if (ruled) imports.push(['@serviceops/kernel', ['RULES']]);
  if (kinds.has('money')) imports.push(['class-transformer', ['Type']]);
  const validators = [
    ...(kinds.has('int') ? ['IsInt', 'Max', 'Min'] : []),
    ...(kinds.has('money') ? ['ValidateNested'] : []),
  ];
  if (validators.length > 0) imports.push(['class-validator', validators]);
  if (kinds.has('money')) imports.push(['../http/money.dto', ['MoneyDto']]);
  if (ruled) imports.push(['../http/validators', ['Follows']]);
  // The body names its RPC: the resource's routes are derived from it (apps/gateway/src/routes/mount.ts).
  imports.push(['../routes/mount', ['BodyOf']]);
  return imports;
}
