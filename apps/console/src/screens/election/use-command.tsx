import { Alert } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { ApiProblem } from '../../api/problem';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import type { paths } from '../../api/schema';
import type { WriteHeaders } from '../../api/user-action';
import { useWrite } from '../../shell/use-write';
import { useElection } from './election-context';
import { COMMAND_LABELS, type CommandType } from './election-steps';

/** The election's command routes (POST /elections takes the census), each with the body its POST takes. */
export type CommandPath =
  | '/elections'
  | {
      [P in keyof paths]: P extends `/elections/{electionId}/${string}`
        ? paths[P] extends { post: object }
          ? P
          : never
        : never;
    }[keyof paths];

export type BodyOf<P extends CommandPath> = paths[P]['post'] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type Post = (
  path: string,
  init: { params: { path: { electionId: string } }; body: unknown; headers: WriteHeaders },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * One step's write on the election the screen shows: sent with the revision it was read at
 * (If-Match) and one Idempotency-Key per click (useWrite); when it is recorded the election is
 * read again. A refusal shows the API's sentence; a 409 offers to reload.
 */
export function useCommand<P extends CommandPath>(path: P, command: CommandType) {
  const election = useElection();
  const body = useRef<BodyOf<P> | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const electionId = election.view.electionId;
  const revision = election.revision;
  // Typed per route at the call (BodyOf); the client's POST is generic over one literal path.
  const post = api.POST as unknown as Post;
  const write = useWrite(
    useCallback(
      async (headers: (revision?: number | null) => WriteHeaders) => {
        try {
          const { data } = await answer(
            post(path, { params: { path: { electionId } }, body: body.current, headers: headers(revision) }),
          );
          setRefusal(null);
          return data ?? {};
        } catch (error) {
          // A rule's refusal stays on the form (the message fades); a 409 has its own dialog.
          if (error instanceof ApiProblem && error.status >= 400 && error.status < 500 && !error.isConflict) {
            setRefusal(error.detail);
          }
          throw error;
        }
      },
      [path, electionId, revision, post],
    ),
    { onReload: election.reload },
  );
  const submit = async (values: BodyOf<P>): Promise<boolean> => {
    body.current = values;
    const done = await write.run();
    if (done === undefined) return false;
    election.recorded(COMMAND_LABELS[command]);
    election.reload();
    return true;
  };
  const contextHolder = (
    <>
      {write.contextHolder}
      {refusal ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          className="command-refusal"
          message={`未能${COMMAND_LABELS[command]}`}
          description={refusal}
        />
      ) : null}
    </>
  );
  return { submit, pending: write.pending, contextHolder };
}
