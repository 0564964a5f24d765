import { getMetadataStorage, IsInt, IsString, MaxLength, validate } from 'class-validator';
import { CONTROLLERS } from '../gateway.module';
import { memoiseValidationMetadata } from './validation-metadata';
import { VALIDATOR_OPTIONS } from './validation';

type Storage = ReturnType<typeof getMetadataStorage>;
const unmemoised = Object.getPrototypeOf(getMetadataStorage()) as Storage;

describe('class-validator rules looked up once per class', () => {
  beforeAll(() => {
    expect(CONTROLLERS.length).toBeGreaterThan(0); // every route's classes are defined
    memoiseValidationMetadata();
  });

  it('gives every class the rules class-validator itself finds, again and again', () => {
    const storage = getMetadataStorage();
    const classes = [
      ...(storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas.keys(),
    ];
    expect(classes.length).toBeGreaterThan(100);
    for (const target of classes) {
      if (typeof target !== 'function') continue;
      for (const groups of [undefined, ['a-group']]) {
        const theirs = unmemoised.getTargetValidationMetadatas.call(
          storage,
          target,
          '',
          false,
          false,
          groups,
        );
        const first = storage.getTargetValidationMetadatas(target, '', false, false, groups);
        expect(first).toEqual(theirs);
        expect(storage.getTargetValidationMetadatas(target, '', false, false, groups)).toBe(first);
        expect(storage.groupByPropertyName(first)).toEqual(
          unmemoised.groupByPropertyName.call(storage, theirs),
        );
      }
    }
  });

  it('applies a rule added after a class was validated, to it and to the classes extending it', async () => {
    class Base {
      @IsString() name!: unknown;
    }
    class Derived extends Base {
      @MaxLength(3) code!: unknown;
    }
    const input = Object.assign(new Derived(), { name: 'x', code: 'abc', size: 'big' });
    expect(await validate(input, { ...VALIDATOR_OPTIONS, forbidNonWhitelisted: false })).toEqual([]);
    IsInt()(Base.prototype, 'size');
    const errors = await validate(input, { ...VALIDATOR_OPTIONS, forbidNonWhitelisted: false });
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['size', ['isInt']]]);
  });
});
