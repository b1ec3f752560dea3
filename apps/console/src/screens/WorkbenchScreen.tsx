import { UnderConstruction } from '../shell/UnderConstruction';

export default function WorkbenchScreen() {
  return <UnderConstruction title="工作台" purpose="工作台将列出待办的换届步骤、逾期事项和被拒绝的原因。" />;
}
