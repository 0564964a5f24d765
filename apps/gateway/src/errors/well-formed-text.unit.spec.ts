import type { ArgumentMetadata } from '@nestjs/common';
import { ProblemError } from '@serviceops/platform';
import { RegisterCustomerDto } from '../customers/customers.dto';
import { AddBranchDto } from '../tenancy/tenancy.dto';
import { gatewayValidationPipe, validateInput } from './validation';

/** The VALIDATION problem's field paths, or the value the pipe let through. */
async function refusal(act: () => Promise<unknown>): Promise<string[]> {
  try {
    await act();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    expect(error.code).toBe('VALIDATION');
    return (error.errors ?? []).map((e) => e.path);
  }
  return [];
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

describe('text no service can store (NUL, lone surrogates): 400 naming the field', () => {
  const pipe = gatewayValidationPipe();

  it.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('refuses %s in a branch name', async (_why, name) => {
    expect(await refusal(() => pipe.transform({ name }, body(AddBranchDto)))).toEqual(['name']);
  });

  it('refuses them deep in a customer, each by its path, before any other rule', async () => {
    const customer = {
      name: 'Wang\u0000',
      channel: 'phone',
      needs: [{ line: 'companion_chat', preferences: 'evenings \udc00' }],
    };
    expect(await refusal(() => pipe.transform(customer, body(RegisterCustomerDto)))).toEqual([
      'name',
      'needs[0].preferences',
    ]);
    expect(await refusal(() => validateInput(RegisterCustomerDto, customer))).toEqual([
      'name',
      'needs[0].preferences',
    ]);
  });

  it('names a path or query parameter by its name', async () => {
    expect(await refusal(() => pipe.transform('x\u0000', { type: 'param', data: 'id' }))).toEqual(['id']);
    expect(await refusal(() => pipe.transform({ status: '\ud800' }, { type: 'query' }))).toEqual(['status']);
  });

  it('accepts characters outside the Basic Multilingual Plane', async () => {
    for (const name of ['分店😀', '𠀀𠀁'])
      await expect(pipe.transform({ name }, body(AddBranchDto))).resolves.toMatchObject({ name });
  });
});
