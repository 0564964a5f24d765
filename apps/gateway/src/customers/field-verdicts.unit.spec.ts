import { FIELD_VERDICTS } from '@serviceops/testing';
import { invalidPaths } from '../errors/validation.testing';
import { RegisterCustomerDto } from './customers.dto';

describe('the gateway reaches the shared verdicts on customer fields', () => {
  it.each(
    FIELD_VERDICTS.map((c) => [c.field, c.value.length > 40 ? `${c.value.slice(0, 40)}…` : c.value, c]),
  )('%s %j', async (_field, _shown, { field, value, valid }) => {
    const body = { name: 'Wang Fang', channel: 'phone', [field]: value };
    expect(await invalidPaths(RegisterCustomerDto, body)).toEqual(valid ? [] : [field]);
  });
});
