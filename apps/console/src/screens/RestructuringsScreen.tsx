import { UnderConstruction } from '../shell/UnderConstruction';

export default function RestructuringsScreen() {
  return <UnderConstruction title="调整" purpose="这里将办理党支部的合并、撤销、新建和党员组织关系转接。" />;
}
