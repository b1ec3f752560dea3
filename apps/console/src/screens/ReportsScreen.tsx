import { UnderConstruction } from '../shell/UnderConstruction';

export default function ReportsScreen() {
  return <UnderConstruction title="报表" purpose="这里将查看统计报表并导出 Excel。" />;
}
