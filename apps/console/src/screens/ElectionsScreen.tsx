import { UnderConstruction } from '../shell/UnderConstruction';

export default function ElectionsScreen() {
  return <UnderConstruction title="换届" purpose="这里将逐步办理各党支部的换届选举，从摸排到结果备案。" />;
}
