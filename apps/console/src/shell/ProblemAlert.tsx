import { Alert, Button } from 'antd';
import { ApiProblem } from '../api/problem';

const CONFLICT = '该记录已被其他人修改：您看到的是修改前的内容，您的操作没有保存。请重新载入最新内容后再操作。';

/**
 * The shared way a screen shows a failed request: the API's own sentence (`detail`, in Chinese),
 * its code for the operator, and for a 409 (someone else changed the record) a way to reload.
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const problem = error instanceof ApiProblem ? error : null;
  if (problem?.isConflict) {
    return (
      <Alert
        type="warning"
        showIcon
        message="记录已被他人修改"
        description={CONFLICT}
        action={
          onReload ? (
            <Button size="small" type="primary" onClick={onReload}>
              重新载入
            </Button>
          ) : undefined
        }
      />
    );
  }
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  return (
    <Alert
      type="error"
      showIcon
      message={titleOf(problem)}
      description={
        <>
          {detail}
          {problem && problem.status > 0 ? <div className="problem-code">错误代码：{problem.code}</div> : null}
        </>
      }
      action={
        onReload && problem && isTransient(problem) ? (
          <Button size="small" onClick={onReload}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

/** Worth trying again as it is: no answer, too many requests, the server's trouble. */
const isTransient = (problem: ApiProblem): boolean =>
  problem.status === 0 || problem.status === 429 || problem.status >= 500;

function titleOf(problem: ApiProblem | null): string {
  if (!problem) return '操作失败';
  if (problem.status === 0) return '网络连接失败';
  if (problem.status === 401) return '登录已失效';
  if (problem.status === 403) return '没有权限';
  if (problem.status === 404) return '未找到';
  if (problem.status === 400 || problem.status === 422) return '无法办理';
  if (problem.status === 429) return '操作过于频繁';
  if (problem.status >= 500) return '服务器暂时无法处理';
  return '操作失败';
}

export { CONFLICT as CONFLICT_SENTENCE };
