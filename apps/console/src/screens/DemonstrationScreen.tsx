import { Tabs } from 'antd';
import { navigate, pathOf, queryOf, useRoute } from '../app/router';
import { DemonstrationBoard } from './demonstration/DemonstrationBoard';
import { VolunteerService } from './demonstration/VolunteerService';

/**
 * 示范与志愿: the 示范党支部创建 board of a chosen campaign (`/demonstrations?campaign=…`) and the
 * 志愿服务 person-times with the activities (`/demonstrations/volunteers`). Read-only: what a
 * leader looks at; the writes are the API's.
 */
export default function DemonstrationScreen() {
  const route = useRoute();
  const volunteers = pathOf(route) === '/demonstrations/volunteers';
  return (
    <div className="screen demonstration">
      <Tabs
        activeKey={volunteers ? 'volunteers' : 'board'}
        onChange={(key) => navigate(key === 'volunteers' ? '/demonstrations/volunteers' : '/demonstrations')}
        items={[
          { key: 'board', label: '示范党支部创建' },
          { key: 'volunteers', label: '志愿服务' },
        ]}
      />
      {volunteers ? <VolunteerService /> : <DemonstrationBoard campaignId={queryOf(route).get('campaign')} />}
    </div>
  );
}
