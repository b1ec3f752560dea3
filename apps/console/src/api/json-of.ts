import { ApiProblem } from './problem';

/**
 * The JSON answer of a route that can also answer CSV, which the generated client types as
 * either: the console asks for JSON, and says so plainly should the server send a table instead.
 */
export function jsonOf<T extends object>(data: T | string): T {
  if (typeof data === 'string') {
    throw new ApiProblem(0, 'UNEXPECTED_CSV', '服务器返回了表格文件而不是数据，请稍后重试。');
  }
  return data;
}
