import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_METADATA, type AccessSpec } from '../../libs/core/src/index.js';

/** One route as Nest registered it: `GET /api/v1/spaces/:ref`. */
export interface CatalogueRoute {
  method: string;
  path: string;
  /** `METHOD path`, the key the authorization matrix is written against. */
  key: string;
  controller: string;
  handler: string;
  access: AccessSpec | undefined;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of the running app, read from Nest's router metadata (the same metadata Nest's
 * router explorer reads), so a new controller method shows up here without anyone listing it.
 * Each route is also checked against Fastify's router, so the catalogue cannot drift from what
 * the server actually answers.
 */
export function routeCatalogue(app: NestFastifyApplication): CatalogueRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const fastify = app.getHttpAdapter().getInstance();
  const routes = new Map<string, CatalogueRoute>();
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type?.prototype) continue;
    const rawPrefix = Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined;
    const prefixes = Array.isArray(rawPrefix) ? rawPrefix : [rawPrefix ?? '/'];
    for (const name of scanner.getAllMethodNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name] as object;
      const rawPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (rawPath === undefined) continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const method = RequestMethod[requestMethod];
      const access =
        (Reflect.getMetadata(ACCESS_METADATA, handler) as AccessSpec | undefined) ??
        (Reflect.getMetadata(ACCESS_METADATA, type) as AccessSpec | undefined);
      for (const prefix of prefixes) {
        for (const path of Array.isArray(rawPath) ? rawPath : [rawPath]) {
          const full = joinPath(prefix, path);
          const methods = method === 'ALL' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] : [method];
          for (const m of methods) {
            if (!fastify.hasRoute({ method: m as 'GET', url: full })) {
              throw new Error(`Nest declares ${m} ${full} but Fastify has no such route`);
            }
            const key = `${m} ${full}`;
            routes.set(key, { method: m, path: full, key, controller: type.name, handler: name, access });
          }
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.key.localeCompare(b.key));
}
