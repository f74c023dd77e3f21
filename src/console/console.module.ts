import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, Response } from 'express';
import express from 'express';
import { API_PREFIX, DOCS_PATH } from '../app.setup';

/** Where `npm run build` puts the console (web/dist), from src/console or dist/src/console. */
export function consoleDirectory(): string | undefined {
  return [join(__dirname, '..', '..', 'web', 'dist'), join(__dirname, '..', '..', '..', 'web', 'dist')].find((directory) =>
    existsSync(join(directory, 'index.html')),
  );
}

/** Paths that belong to the API or its docs: never answered with the console. */
export function isServicePath(path: string): boolean {
  return [API_PREFIX, DOCS_PATH].some((prefix) => path === `/${prefix}` || path.startsWith(`/${prefix}/`) || path.startsWith(`/${prefix}-`));
}

/**
 * Serves the web console at / from web/dist: hashed assets with a long cache, and index.html for
 * any other GET outside the API so the console's own routes (/gaps/…) survive a reload.
 * Registered after the API routes (onModuleInit runs after the router) and before Nest's 404.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  private readonly logger = new Logger('Console');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const directory = consoleDirectory();
    if (!directory) {
      this.logger.warn('web/dist is missing: the console is not served (build it with `npm run build`)');
      return;
    }
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use('/assets', express.static(join(directory, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    app.use((request: Request, response: Response, next: NextFunction) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || isServicePath(request.path)) return next();
      response.sendFile(join(directory, 'index.html'));
    });
  }
}
