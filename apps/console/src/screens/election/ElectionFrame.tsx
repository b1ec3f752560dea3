import { DatePicker, Form, message as messages, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { navigate } from '../../app/router';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../format/dates';
import { ELECTION_STATUS_LABELS, electionStatusColor } from '../../format/status-labels';
import { ProblemAlert } from '../../shell/ProblemAlert';
import { RouteLink } from '../../shell/RouteLink';
import { ElectionContext, type ElectionContextValue } from './election-context';
import { loadElection } from './election-data';
import { DATE_FORMAT } from './form-parts';

/**
 * One election read on the day the address names (`asOf`, else today) and shared with the
 * screen below it: the branch, the status, the judging day (changing it changes the address),
 * and while the installation runs in the background, a read every second until it is done.
 */
export function ElectionFrame({
  electionId,
  asOf,
  route,
  title,
  children,
}: {
  electionId: string;
  asOf: string;
  /** The address of this screen without its query, to keep when the day changes. */
  route: string;
  title: string;
  children: ReactNode;
}) {
  const election = useLoad(useCallback(() => loadElection(electionId, asOf), [electionId, asOf]));
  const [message, messageHolder] = messages.useMessage();
  const loaded = election.loaded && 'data' in election.loaded ? election.loaded.data : null;
  const installing = loaded?.view.state.status === 'installing';
  const { reload } = election;
  useEffect(() => {
    if (!installing) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [installing, reload]);

  const value = useMemo<ElectionContextValue | null>(
    () =>
      loaded ? { ...loaded, asOf, reload, recorded: (what: string) => void message.success(`已记录：${what}`) } : null,
    [loaded, asOf, reload, message],
  );
  const withDay = (date: string) => navigate(`${route}?asOf=${date}`);

  return (
    <Space direction="vertical" size="middle" className="screen election">
      {messageHolder}
      <div className="election-head">
        <Space size={12} align="center" wrap>
          <RouteLink to="/elections">换届</RouteLink>
          <span className="election-head-sep">/</span>
          <Typography.Title level={4} className="election-title">
            {loaded ? `${loaded.branchName}${title}` : title}
          </Typography.Title>
          {loaded ? (
            <Tag color={electionStatusColor(loaded.view.state.status)} bordered={false}>
              {ELECTION_STATUS_LABELS[loaded.view.state.status]}
            </Tag>
          ) : null}
        </Space>
        <Form layout="inline">
          <Form.Item
            label="办理日期"
            htmlFor="election-as-of"
            tooltip="可办理事项按这一天判断，各表单的日期默认取这一天"
          >
            <DatePicker
              id="election-as-of"
              value={dayjs(asOf)}
              format={DATE_FORMAT}
              allowClear={false}
              onChange={(date: Dayjs | null) => date && withDay(date.format('YYYY-MM-DD'))}
            />
          </Form.Item>
        </Form>
      </div>
      {!election.loaded ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : 'error' in election.loaded ? (
        <ProblemAlert error={election.loaded.error} onReload={reload} />
      ) : value ? (
        <ElectionContext.Provider value={value}>
          {value.view.state.status === 'cancelled' ? (
            <Typography.Text type="danger">
              本次换届已于{formatDate(value.view.state.cancelledAt)}取消
              {value.view.state.reason ? `：${value.view.state.reason}` : '。'}
            </Typography.Text>
          ) : null}
          {children}
        </ElectionContext.Provider>
      ) : null}
    </Space>
  );
}
