import { message as messages, Modal } from 'antd';
import { useCallback, useState } from 'react';
import { ApiProblem } from '../api/problem';
import { UserAction, type WriteHeaders } from '../api/user-action';
import { CONFLICT_SENTENCE } from './ProblemAlert';

/**
 * A button's write: one UserAction (one Idempotency-Key, a double click sends once), `pending`
 * to disable the button, and the shared handling of refusals: a 409 asks to reload the record
 * (someone else changed it), anything else shows the API's sentence. The screen renders
 * `contextHolder` (where the dialog and messages appear, in the console's locale and theme).
 */
export function useWrite<T>(
  perform: (headers: (revision?: number | null) => WriteHeaders) => Promise<T>,
  options: { onReload: () => void },
) {
  const [modal, modalHolder] = Modal.useModal();
  const [message, messageHolder] = messages.useMessage();
  // The action outlives renders (its key must); what it sends is the latest render's.
  const [action] = useState(() => new UserAction<T>());
  const [pending, setPending] = useState(false);
  const { onReload } = options;

  const run = useCallback(async (): Promise<T | undefined> => {
    setPending(true);
    try {
      return await action.run(perform);
    } catch (error) {
      if (error instanceof ApiProblem && error.isConflict) {
        modal.confirm({
          title: '记录已被他人修改',
          content: CONFLICT_SENTENCE,
          okText: '重新载入',
          cancelText: '取消',
          onOk: onReload,
        });
      } else {
        void message.error(error instanceof ApiProblem ? error.detail : '操作失败，请稍后重试。');
      }
      return undefined;
    } finally {
      setPending(false);
    }
  }, [action, perform, modal, message, onReload]);

  const contextHolder = (
    <>
      {modalHolder}
      {messageHolder}
    </>
  );
  return { run, pending, contextHolder };
}
