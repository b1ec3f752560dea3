import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/** The parts of an OpenAPI 3.0 document the check reads. */
export interface OpenApiDocument {
  // A path item holds operations by method, and may hold `parameters` or a `summary` beside them.
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components?: { readonly schemas?: Record<string, unknown> };
}

interface Operation {
  readonly responses: Record<string, DeclaredResponse>;
}

interface DeclaredResponse {
  readonly content?: Record<string, { readonly schema?: unknown }>;
  readonly headers?: Record<string, { readonly required?: boolean }>;
}

/** One answer the app sent, as the client received it. */
interface Answer {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: Buffer;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
/** Served by the swagger module beside the API, not described by the document. */
const UNDESCRIBED = /^\/(openapi\.(json|yaml)|docs)(\/|$|\?)/;
const JSON_TYPES = new Set(['application/json', 'application/problem+json']);
const NDJSON = 'application/x-ndjson';

/**
 * Checks every answer an app sends against the response its served OpenAPI document declares
 * for the operation and status: the status must be declared, the content type must be one the
 * response lists, JSON bodies (and each NDJSON line) must match the schema, and headers declared
 * required must be sent. Objects are checked closed (no property the schema does not name), so
 * a field a handler adds without declaring it is caught too. Installed by the e2e harness
 * (boot-api.ts) on every app it boots, it makes each e2e test a contract test as well.
 */
export class ResponseConformance {
  private readonly answers: Answer[] = [];

  /** Express middleware that records each answer; install it before anything else. */
  readonly recorder = (request: Request, response: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as Response['write'];
    response.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return end(...args);
    }) as Response['end'];
    response.on('finish', () => {
      this.answers.push({
        method: request.method,
        // Express's originalUrl survives its routers' rewriting; a bare Node server has only url.
        url: request.originalUrl ?? request.url,
        status: response.statusCode,
        contentType: response.getHeader('content-type')?.toString(),
        headers: response.getHeaders(),
        body: Buffer.concat(chunks),
      });
    });
    next();
  };

  /** Every way the recorded answers depart from `document`, one line each (repeats counted once). */
  violations(document: OpenApiDocument): string[] {
    const checker = new DocumentChecker(document);
    const found = new Map<string, number>();
    for (const answer of this.answers) {
      for (const violation of checker.check(answer)) found.set(violation, (found.get(violation) ?? 0) + 1);
    }
    return [...found].map(([violation, times]) => (times > 1 ? `${violation} (${times} times)` : violation));
  }
}

class DocumentChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { readonly path: string; readonly pattern: RegExp }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema({ components: { schemas: jsonSchemaOf(document.components?.schemas ?? {}) } }, 'document');
    this.templates = Object.keys(document.paths).map((path) => ({
      path,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
    }));
  }

  check(answer: Answer): string[] {
    const [rawPath = ''] = answer.url.split('?');
    if (UNDESCRIBED.test(answer.url)) return [];
    const method = answer.method.toLowerCase();
    if (!METHODS.has(method)) return [];
    // Literal paths (`/policies/in-force`) before templates (`/policies/{version}`), as Express routes them.
    const matches = this.templates
      .filter((template) => template.pattern.test(decodeURIComponent(rawPath)))
      .sort((a, b) => a.path.split('{').length - b.path.split('{').length);
    const template = matches.find((candidate) => this.operation(candidate.path, method) !== undefined);
    // A path no operation serves: Express's own 404, which no document describes.
    if (template === undefined) return [];
    const operation = this.operation(template.path, method) as Operation;
    const where = `${answer.method} ${template.path} → ${answer.status}`;
    const declared = operation.responses[String(answer.status)];
    if (declared === undefined) {
      return [`${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    }
    const problems: string[] = [];
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      if (header.required && answer.headers[name.toLowerCase()] === undefined) {
        problems.push(`${where}: required header ${name} not sent`);
      }
    }
    if (answer.body.length === 0) return problems;
    const type = answer.contentType?.split(';')[0]?.trim().toLowerCase();
    const content = declared.content ?? {};
    if (type === undefined || !(type in content)) {
      return [
        ...problems,
        `${where}: content type ${type ?? 'none'} not declared (${Object.keys(content).join(', ')})`,
      ];
    }
    const schema = content[type]?.schema;
    if (schema === undefined) return problems;
    const text = answer.body.toString('utf8');
    if (JSON_TYPES.has(type)) return [...problems, ...this.validate(where, `${where} ${type}`, schema, [text])];
    if (type === NDJSON) {
      const lines = text.split('\n').filter((line) => line.length > 0);
      return [...problems, ...this.validate(where, `${where} ${type}`, schema, lines)];
    }
    return problems;
  }

  private operation(path: string, method: string): Operation | undefined {
    return this.document.paths[path]?.[method] as Operation | undefined;
  }

  private validate(where: string, key: string, schema: unknown, texts: readonly string[]): string[] {
    let validator = this.validators.get(key);
    if (validator === undefined) {
      validator = this.ajv.compile(jsonSchemaOf(schema) as object);
      this.validators.set(key, validator);
    }
    const problems: string[] = [];
    for (const text of texts) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        problems.push(`${where}: the body is not JSON`);
        continue;
      }
      if (!validator(value)) {
        for (const error of validator.errors ?? []) {
          const detail =
            error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
          // Array indexes as [], so the same fault in every row is reported once.
          const at = error.instancePath.replace(/\/\d+(?=\/|$)/g, '/[]') || '/';
          problems.push(`${where}: ${at} ${error.message ?? 'is invalid'}${detail}`);
        }
      }
    }
    return problems;
  }
}

/**
 * OpenAPI 3.0 schema → JSON Schema as Ajv reads it: `nullable` becomes "or null", references
 * point into the document, and an object that names its properties admits no other.
 */
function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted[key] = `document${value}`;
    else if (key === 'properties') {
      // Property names are not keywords: convert each property's schema, keep every name.
      const properties = Object.entries(value as object).map(([name, property]) => [name, jsonSchemaOf(property)]);
      converted[key] = Object.fromEntries(properties);
    } else if (key !== 'example' && key !== 'examples') converted[key] = jsonSchemaOf(value);
  }
  if (converted.properties !== undefined && converted.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
