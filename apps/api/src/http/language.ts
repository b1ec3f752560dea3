import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LANGUAGE, negotiateLanguage, type Language } from '@app/domain';

const LANGUAGE = Symbol('branchflow:language');

type WithLanguage = Request & { [LANGUAGE]?: Language };

/**
 * Chooses, once per request, the language its refusals, validation messages and CSV headers are
 * written in: what `Accept-Language` asks for (q-values respected; any Chinese is zh-CN, any
 * English is en), else the configured default (BRANCHFLOW_LANGUAGE).
 */
export function chooseLanguage(fallback: Language) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    (request as WithLanguage)[LANGUAGE] = negotiateLanguage(request.headers['accept-language'], fallback);
    next();
  };
}

/** The language chosen for this request; before the choice is made, from its header and the built-in default. */
export function languageOf(request: Request): Language {
  return (request as WithLanguage)[LANGUAGE] ?? negotiateLanguage(request.headers['accept-language'], DEFAULT_LANGUAGE);
}

/** Says which language an answer is in, and that it depends on the request's Accept-Language. */
export function answerIn(response: Response, language: Language): void {
  response.setHeader('Content-Language', language);
  response.vary('Accept-Language');
}
