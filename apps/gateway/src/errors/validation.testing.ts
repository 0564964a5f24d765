import { ProblemError } from '@serviceops/platform';
import type { ClassConstructor } from 'class-transformer';
import { validateInput } from './validation';

/** For DTO tests: the field paths `type` refuses in `plain`, sorted, each once; [] when it is valid. */
export async function invalidPaths(type: ClassConstructor<object>, plain: unknown): Promise<string[]> {
  try {
    await validateInput(type, plain);
    return [];
  } catch (error) {
    if (!(error instanceof ProblemError) || error.code !== 'VALIDATION') throw error;
    return [...new Set((error.errors ?? []).map((e) => e.path))].sort();
  }
}
