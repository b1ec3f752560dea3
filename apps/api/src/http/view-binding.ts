/**
 * Binds a response DTO to the type its handler really answers with, at compile time: the DTO
 * must declare exactly the fields the view has (every field of every variant of a union, at every
 * depth), and every value of the view must be assignable to the DTO (so types, nullability and
 * enums agree, and nothing the view may leave out is declared required). A field added to or
 * removed from the view type breaks the build until its DTO says the same:
 *
 *     describesView<ElectionViewDto, ElectionView>('matches');
 *
 * and when it does not, the argument's expected type names the first difference, e.g.
 * `"view.state.census.overSize is in the view but not in the DTO"`.
 */
export function describesView<Dto, View>(verdict: ViewVerdict<Dto, View>): void {
  void verdict;
}

export type ViewVerdict<Dto, View> = [Difference<Dto, View, 'view'>] extends [never]
  ? [View] extends [Dto]
    ? 'matches'
    : 'a value of the view type is not assignable to the DTO (a type, a null or a required field differs)'
  : Difference<Dto, View, 'view'>;

/** Every key of every member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** The type of a key across the members of a union that have it. */
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;
type Scalar = string | number | boolean | bigint | symbol;

/** Recursive views (a committee's child committees) are compared this many levels deep. */
type MaxDepth = 10;

type Difference<Dto, View, Path extends string, Depth extends unknown[] = []> = unknown extends View
  ? never
  : Depth['length'] extends MaxDepth
    ? never
    : [NonNullable<View>] extends [never]
      ? never
      : [NonNullable<View>] extends [readonly unknown[]]
        ? Difference<ElementOf<NonNullable<Dto>>, ElementOf<NonNullable<View>>, `${Path}[]`, [...Depth, 0]>
        : [NonNullable<View>] extends [Scalar]
          ? never
          : string extends KeysOf<NonNullable<View>>
            ? Difference<
                ValueAt<NonNullable<Dto>, string>,
                ValueAt<NonNullable<View>, string>,
                `${Path}{}`,
                [...Depth, 0]
              >
            : ObjectDifference<NonNullable<Dto>, NonNullable<View>, Path, [...Depth, 0]>;

type ObjectDifference<Dto, View, Path extends string, Depth extends unknown[]> =
  | { [K in Exclude<KeysOf<View>, keyof Dto> & string]: `${Path}.${K} is in the view but not in the DTO` }[Exclude<
      KeysOf<View>,
      keyof Dto
    > &
      string]
  | { [K in Exclude<keyof Dto, KeysOf<View>> & string]: `${Path}.${K} is in the DTO but not in the view` }[Exclude<
      keyof Dto,
      KeysOf<View>
    > &
      string]
  | {
      [K in KeysOf<View> & keyof Dto & string]: Difference<Dto[K], ValueAt<View, K>, `${Path}.${K}`, Depth>;
    }[KeysOf<View> & keyof Dto & string];
