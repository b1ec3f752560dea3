import { applyDecorators } from '@nestjs/common';
import { IsString, Length, registerDecorator, type ValidationArguments } from 'class-validator';

export interface HumanTextOptions {
  /** Line breaks and tabs allowed (a reason, a note, an opinion); a name or a reference is one line. */
  readonly multiline?: boolean;
  /** Each element of an array of texts. */
  readonly each?: boolean;
  /** Fewest UTF-16 units; default 1. */
  readonly min?: number;
}

/**
 * A lone surrogate half: JSON can carry it (`"\ud800"`), the event stores it as written, but
 * SQLite's UTF-8 columns turn it into U+FFFD, so the read models would show another text.
 */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
/** A name or a reference is one line: no line or paragraph separators either. */
const LINE_SEPARATOR = /[\u2028\u2029]/u;
/**
 * What shows nothing by itself: spaces, zero-width and direction controls (format characters and
 * default-ignorable code points), combining marks without a base, the braille blank.
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/u;

/** What can be wrong with a text people will read, in both languages (after the field's name). */
export const HUMAN_TEXT_PROBLEMS = {
  loneSurrogate: {
    en: 'contains a lone surrogate (a broken UTF-16 character)',
    zh: '含有不成对的代理项（损坏的 UTF-16 字符）',
  },
  controlCharacter: {
    en: 'contains a control character (only tab and line breaks are allowed)',
    zh: '含有控制字符（只允许制表符和换行）',
  },
  controlOrLineBreak: { en: 'contains a control character or a line break', zh: '含有控制字符或换行' },
  invisible: {
    en: 'is made only of spaces, invisible or direction characters',
    zh: '只有空格、不可见字符或方向控制字符',
  },
} as const;

export type HumanTextProblem = keyof typeof HUMAN_TEXT_PROBLEMS;

/**
 * Why a text people will read is not acceptable, or undefined when it is. Names, references and
 * reasons are shown in the console, printed in reports and compared by auditors: each must be
 * well-formed Unicode, free of control characters, and say something visible.
 */
export function humanTextProblemOf(
  value: string,
  options: Pick<HumanTextOptions, 'multiline'> = {},
): HumanTextProblem | undefined {
  if (LONE_SURROGATE.test(value)) return 'loneSurrogate';
  if (options.multiline) {
    if (CONTROL_BUT_LINE_BREAKS.test(value)) return 'controlCharacter';
  } else if (CONTROL.test(value) || LINE_SEPARATOR.test(value)) {
    return 'controlOrLineBreak';
  }
  if (value.length > 0 && [...value].every((character) => INVISIBLE.test(character))) return 'invisible';
  return undefined;
}

/** `humanTextProblemOf` as the English the validation message says. */
export function humanTextProblem(value: string, options: Pick<HumanTextOptions, 'multiline'> = {}): string | undefined {
  const problem = humanTextProblemOf(value, options);
  return problem === undefined ? undefined : HUMAN_TEXT_PROBLEMS[problem].en;
}

/** The first problem of a value checked as human text (a text or a list of texts), if any. */
export function firstHumanTextProblem(
  value: unknown,
  options: Pick<HumanTextOptions, 'multiline'> = {},
): HumanTextProblem | undefined {
  const texts = Array.isArray(value) ? (value as unknown[]) : [value];
  return texts
    .filter((text): text is string => typeof text === 'string')
    .map((text) => humanTextProblemOf(text, options))
    .find((found) => found !== undefined);
}

const HUMAN_TEXT = Symbol('branchflow:human-text');

/** Whether a DTO property was declared with `HumanText`, for the test that every text uses it. */
export function isHumanText(target: object, property: string): boolean {
  return Reflect.getMetadata(HUMAN_TEXT, target, property) === true;
}

/**
 * The one decorator for text written by and for people: names of persons, branches, committees
 * and groups, document references, reasons and notes. A string of `min`–`max` UTF-16 units that
 * `humanTextProblem` accepts.
 */
export function HumanText(max: number, options: HumanTextOptions = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    (target: object, property: string | symbol) => Reflect.defineMetadata(HUMAN_TEXT, true, target, property),
    IsString({ each }),
    Length(options.min ?? 1, max, { each }),
    (target: object, property: string | symbol) =>
      registerDecorator({
        name: 'isHumanText',
        target: target.constructor,
        propertyName: String(property),
        options: { each },
        // The validation messages read whether line breaks are allowed from here.
        constraints: [options.multiline === true],
        validator: {
          validate: (value: unknown) =>
            typeof value !== 'string' || humanTextProblemOf(value, { multiline: options.multiline }) === undefined,
          defaultMessage: (args: ValidationArguments) => {
            const problem = firstHumanTextProblem(args.value, { multiline: options.multiline });
            return `${args.property} ${problem === undefined ? 'is not acceptable text' : HUMAN_TEXT_PROBLEMS[problem].en}`;
          },
        },
      }),
  );
}
