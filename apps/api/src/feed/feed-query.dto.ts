import { PageLimit, PositionCursor } from '../reports/list-export';

export class FeedQuery {
  @PositionCursor('The last checkpoint you processed; omit to start from the beginning.')
  readonly after?: number;

  @PageLimit(1000, 10000)
  readonly limit?: number;
}
