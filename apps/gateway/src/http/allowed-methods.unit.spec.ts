import { Controller, Delete, Get, Module, Post, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { allowedMethods, routesOf, type RouteMethods } from './allowed-methods';

const route = (pattern: RegExp, ...methods: string[]): RouteMethods => ({
  matches: (path) => pattern.test(path),
  methods,
});

describe('allowedMethods', () => {
  const routes = [
    route(/^\/things$/, 'GET'),
    route(/^\/things$/, 'POST'),
    route(/^\/things\/[^/]+$/, 'PUT'),
    route(/^\/things\/[^/]+$/, 'DELETE'),
  ];

  it.each([
    ['/things', ['GET', 'HEAD', 'OPTIONS', 'POST']],
    ['/things/42', ['DELETE', 'OPTIONS', 'PUT']],
    ['/nothing-here', []],
  ])('%s answers %j', (path, expected) => {
    expect(allowedMethods(routes, path)).toEqual(expected);
  });
});

@Controller('customers')
class CustomersController {
  @Get()
  list(): string {
    return 'list';
  }
  @Post()
  register(): string {
    return 'registered';
  }
  @Get(':id')
  get(): string {
    return 'one';
  }
  @Put(':id/file')
  updateFile(): string {
    return 'updated';
  }
  @Delete(':id/file')
  eraseFile(): string {
    return 'erased';
  }
}

@Controller()
class HealthController {
  @Get('health/live')
  live(): string {
    return 'up';
  }
}

@Module({ controllers: [CustomersController, HealthController] })
class TestModule {}

describe('routesOf: the routes Nest registered on Express', () => {
  let app: NestExpressApplication;
  let routes: RouteMethods[];

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(TestModule, { logger: false });
    app.setGlobalPrefix('api/v1', { exclude: ['health/live'] });
    await app.init();
    routes = routesOf(app.getHttpAdapter().getInstance());
  });

  afterAll(() => app?.close());

  it.each([
    ['/api/v1/customers', ['GET', 'HEAD', 'OPTIONS', 'POST']],
    ['/api/v1/customers/', ['GET', 'HEAD', 'OPTIONS', 'POST']],
    ['/api/v1/customers/3f0c7a52-0d5e-4c1e-9a33-8f1b2a6c7d10', ['GET', 'HEAD', 'OPTIONS']],
    ['/api/v1/customers/3f0c/file', ['DELETE', 'OPTIONS', 'PUT']],
    ['/health/live', ['GET', 'HEAD', 'OPTIONS']],
  ])('%s answers %j', (path, expected) => {
    expect(allowedMethods(routes, path)).toEqual(expected);
  });

  it.each([
    ['/api/v1/nothing-here'],
    ['/api/v1/customers/3f0c/other'],
    ['/customers'],
    ['/api/v1/health/live'],
  ])('%s is unknown', (path) => {
    expect(allowedMethods(routes, path)).toEqual([]);
  });
});
