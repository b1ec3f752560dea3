import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { CSV_TYPE, saveFile } from '../../api/download';
import { ProblemAlert } from '../../shell/ProblemAlert';

/** 导出…: fetches a CSV export with the signed-in user's token and saves it, as 报表's exports do. */
export function CsvButton({ label, file, fetch }: { label: string; file: string; fetch: () => Promise<string> }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setFailed(null);
    try {
      saveFile(file, await fetch(), CSV_TYPE);
    } catch (error) {
      setFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical">
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
        {label}
      </Button>
      {failed ? <ProblemAlert error={failed} /> : null}
    </Space>
  );
}
