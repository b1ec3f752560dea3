import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withValidatorConstraints } from './http/validator-constraints';

const DESCRIPTION = [
  'branchflow is an event-sourced workflow engine for a retired-cadres bureau:',
  'administrators run the term-renewal elections of party branches step by step and restructure',
  'branches (merge, dissolve, create, move members); auditors replay a complete, tamper-evident',
  'history; reporting jobs read statistics, exports and a change feed.',
  '',
  'Every error is an `application/problem+json` document with a stable `code`. Every route but the',
  'health probes and this description needs a bearer token (a JWT whose role is `admin`, `auditor`',
  'or `reporter`); each operation says which roles it is for.',
].join('\n');

const documents = new WeakMap<INestApplication, OpenAPIObject>();

/** The OpenAPI document: interactive UI at /docs, the raw JSON at /openapi.json. */
export function setUpOpenApi(app: INestApplication, options: { ui: boolean } = { ui: true }): void {
  const config = new DocumentBuilder()
    .setTitle('branchflow')
    .setDescription(DESCRIPTION)
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  // Not open source: the package is UNLICENSED, for the bureau's own use.
  config.info.license = { name: 'UNLICENSED (proprietary)' };
  const document = withSecurityWrittenOnce(withValidatorConstraints(app, SwaggerModule.createDocument(app, config)));
  documents.set(app, document);
  // The document itself stays public (it describes, it does not grant); the UI is a choice.
  SwaggerModule.setup('docs', app, document, {
    ui: options.ui,
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
}

/** The document an app serves at /openapi.json, for the tests that check answers against it. */
export function servedOpenApiDocument(app: INestApplication): OpenAPIObject | undefined {
  return documents.get(app);
}

/**
 * Security as the access decorators declared it, written plainly: a handler's decorator and its
 * controller's both add the bearer requirement (written once here), and `@PublicAccess()` declares
 * an empty requirement (the swagger module has no other way to say "none" on a controller), which
 * OpenAPI says with an empty list.
 */
function withSecurityWrittenOnce(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { security?: Record<string, string[]>[] }[]) {
      if (!operation.security) continue;
      const requirements = [...new Map(operation.security.map((need) => [JSON.stringify(need), need])).values()];
      operation.security = requirements.every((need) => Object.keys(need).length === 0) ? [] : requirements;
    }
  }
  return document;
}
