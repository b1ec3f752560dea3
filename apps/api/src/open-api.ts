import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

const DESCRIPTION = [
  'branchflow is an event-sourced workflow engine for a retired-cadres bureau:',
  'administrators run the term-renewal elections of party branches step by step and restructure',
  'branches (merge, dissolve, create, move members); auditors replay a complete, tamper-evident',
  'history; reporting jobs read statistics, exports and a change feed.',
  '',
  'Every error is an `application/problem+json` document with a stable `code`.',
].join('\n');

/** The OpenAPI document: interactive UI at /docs, the raw JSON at /openapi.json. */
export function setUpOpenApi(app: INestApplication, options: { ui: boolean } = { ui: true }): void {
  const config = new DocumentBuilder()
    .setTitle('branchflow')
    .setDescription(DESCRIPTION)
    .setVersion(process.env.npm_package_version ?? '0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The document itself stays public (it describes, it does not grant); the UI is a choice.
  SwaggerModule.setup('docs', app, document, {
    ui: options.ui,
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
}
