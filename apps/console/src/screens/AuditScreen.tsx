import { UnderConstruction } from '../shell/UnderConstruction';

export default function AuditScreen() {
  return (
    <UnderConstruction title="审计" purpose="这里将查阅操作记录（谁、何时、依据哪版规则），并核验历史未被篡改。" />
  );
}
