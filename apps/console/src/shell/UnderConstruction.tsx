import { Result } from 'antd';

/** A screen not built yet: says so plainly, shows no made-up data. */
export function UnderConstruction({ title, purpose }: { title: string; purpose: string }) {
  return <Result status="info" title={`${title}：建设中`} subTitle={`${purpose}此页面正在建设中，暂不可用。`} />;
}
