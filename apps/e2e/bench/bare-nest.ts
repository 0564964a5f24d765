// The baseline of the HTTP benchmark: a bare NestJS app on the same machine, one POST endpoint answering
// 201 with JSON, no validation, no database. Run by http.bench.ts through infra/register.cjs.
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';

@Controller()
class EchoController {
  @Post('echo')
  @HttpCode(201)
  echo(@Body() body: Record<string, unknown>) {
    return { id: randomUUID(), version: 1, ...body };
  }
}

@Module({ controllers: [EchoController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url: await app.getUrl() })}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
void main();
