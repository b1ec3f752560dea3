import { getMetadataStorage, IsIn, IsInt, IsUUID, Max } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { Request } from 'express';
import { BusinessCalendar } from '@app/application';
import { AppModule } from '../app.module';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { IsCalendarDate } from './calendar-date';
import { commandContext, commandMetaOf } from './command-request';
import { HumanText } from './human-text';
import { KeyedRecord, Nested, NestedList } from './nested';
import { ParseIdPipe } from './parse-id.pipe';
import { createValidationPipe, ValidationFailed } from './validation';
import { CHINESE_CHECKS, CHINESE_FOR, SAID_BY_CONSTRAINT } from './validation-messages';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

class Inner {
  @HumanText(10)
  readonly name!: string;
}

class Sample {
  @IsUUID()
  readonly id!: string;

  @IsCalendarDate()
  readonly on!: string;

  @HumanText(50, { multiline: true })
  readonly reason!: string;

  @IsIn(['a', 'b'])
  readonly kind!: string;

  @IsInt()
  @Max(5)
  readonly count!: number;

  @Nested(Inner)
  readonly inner!: Inner;

  @NestedList(Inner, 2)
  readonly list!: Inner[];

  @KeyedRecord({ keys: 'person id (UUID)', values: '"for", "against" or "abstain"' }, /^x$/, () => true, 1)
  readonly marks!: Record<string, string>;
}

async function failureOf(body: unknown): Promise<ValidationFailed> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Sample });
  } catch (error) {
    if (error instanceof ValidationFailed) return error;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

/** Every check the app's DTOs declare (their classes are loaded with the app's module). */
function declaredChecks(): ValidationMetadata[] {
  void AppModule;
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  return [...storage.validationMetadatas.values()].flat();
}

function constraintNameOf(metadata: ValidationMetadata): string {
  if (metadata.type !== 'customValidation') return metadata.type;
  return getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls)[0]?.name ?? metadata.type;
}

describe('validation messages in Chinese', () => {
  it('exist for every check a DTO declares, every message a DTO writes and every keyed record it describes', () => {
    const checks = declaredChecks().filter((metadata) => metadata.type === 'customValidation');
    expect(checks.length).toBeGreaterThan(100);
    const names = new Set(checks.map(constraintNameOf));
    const missing = [...names, 'whitelistValidation', 'unknownValue', 'nestedValidation'].filter(
      (name) => CHINESE_CHECKS[name] === undefined,
    );
    expect(missing).toEqual([]);
    const templates = checks
      .filter((metadata) => !SAID_BY_CONSTRAINT.has(constraintNameOf(metadata)))
      .flatMap((metadata) => (typeof metadata.message === 'string' ? [metadata.message] : []));
    const described = checks
      .filter((metadata) => constraintNameOf(metadata) === 'isKeyedRecord')
      .flatMap((metadata) => (metadata.constraints as unknown[]).slice(1) as string[]);
    const untranslated = [...templates, ...described].filter((english) => CHINESE_FOR[english] === undefined);
    expect(untranslated).toEqual([]);
  });

  it('say what each failed check says in English, field by field', async () => {
    const failed = await failureOf({
      id: 'nope',
      on: '20230315',
      reason: ' \u200b ',
      kind: 'c',
      count: 9,
      inner: [],
      list: [{ name: 'x'.repeat(11) }, {}, 3],
      marks: { y: 'for' },
      extra: 1,
    });
    const chinese = failed.errorsIn('zh-CN');
    expect(chinese.map((error) => error.field)).toEqual(failed.errors.map((error) => error.field));
    for (const message of chinese.flatMap((error) => error.messages)) expect(message).toMatch(CJK);
    const byField = Object.fromEntries(chinese.map((error) => [error.field, error.messages]));
    expect(byField).toMatchObject({
      id: ['id 须为 UUID'],
      kind: ['kind 须为以下值之一：a、b'],
      count: ['count 不得大于 5'],
      reason: ['reason 只有空格、不可见字符或方向控制字符'],
      extra: ['不接受字段 extra'],
      'list[0].name': ['name 至多 10 个字符'],
      marks: [
        'marks 须为至多 1 项的对象，键为人员编号（UUID），每项的值为"for"（赞成）、"against"（反对）或 "abstain"（弃权）',
      ],
    });
    expect(byField['on']?.[0]).toMatch(/^on 须为按 YYYY-MM-DD 填写的、确实存在的日历日期/);
    expect(byField['inner']).toEqual(['inner 须为对象，不能是 null、列表或单个值']);
    expect(failed.errorsIn('en')).toBe(failed.errors);
  });

  it('exist for what the headers, the path and the business date are checked against', () => {
    const request = (headers: Record<string, string>) =>
      ({ headers, principal: { id: 'u', name: 'u', role: 'admin' } }) as unknown as AuthenticatedRequest & Request;
    const failures: unknown[] = [];
    for (const attempt of [
      () => commandMetaOf(request({ 'idempotency-key': 'bad key!' })),
      () => commandMetaOf(request({ 'if-match': 'W/"x"' })),
      () => new ParseIdPipe().transform('bad id!'),
      () => commandContext(commandMetaOf(request({})), '2999-01-01', new BusinessCalendar('Asia/Shanghai')),
      () => commandContext(commandMetaOf(request({})), 'yesterday', new BusinessCalendar('Asia/Shanghai')),
    ]) {
      try {
        attempt();
      } catch (error) {
        failures.push(error);
      }
    }
    expect(failures).toHaveLength(5);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(ValidationFailed);
      for (const message of (failure as ValidationFailed).errorsIn('zh-CN').flatMap((error) => error.messages)) {
        expect(message).toMatch(CJK);
      }
    }
  });
});
