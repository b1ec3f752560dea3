import { describe, expect, it } from '@jest/globals';
import { mayUse, screenOf, screensFor, subPathOf } from './screens';

describe('the screen of a path', () => {
  it('is the screen of that path, or of the path above it; the 工作台 owns only /', () => {
    expect(screenOf('/elections')?.label).toBe('换届');
    expect(screenOf('/elections/5f0c2b1e/assembly')?.label).toBe('换届');
    expect(screenOf('/org')?.label).toBe('组织架构');
    expect(screenOf('/')?.label).toBe('工作台');
    expect(screenOf('/nowhere')).toBeUndefined();
    expect(screenOf('/electionsx')).toBeUndefined();
  });

  it('hands a screen the rest of its path, decoded', () => {
    expect(subPathOf('/elections/5f0c2b1e/assembly')).toEqual(['5f0c2b1e', 'assembly']);
    expect(subPathOf('/org/branches/%E5%BA%9C')).toEqual(['branches', '府']);
    expect(subPathOf('/elections')).toEqual([]);
    expect(subPathOf('/')).toEqual([]);
  });
});

describe('the menu of a role', () => {
  const labels = (role: Parameters<typeof screensFor>[0]) => screensFor(role).map((screen) => screen.label);

  it('follows what the API lets each role read: administrators all but 审计 and with 导入, auditors all but 导入, reporters no tree', () => {
    expect(labels('admin')).toEqual(['工作台', '组织架构', '换届', '调整', '示范与志愿', '报表', '导入']);
    expect(labels('auditor')).toEqual(['工作台', '组织架构', '换届', '调整', '示范与志愿', '审计', '报表']);
    expect(labels('reporter')).toEqual(['工作台', '换届', '调整', '示范与志愿', '报表']);
  });

  it('judges a path below a screen by that screen', () => {
    const audit = screenOf('/audit/events/5f0c2b1e');
    expect(audit && mayUse(audit, 'auditor')).toBe(true);
    expect(audit && mayUse(audit, 'admin')).toBe(false);
  });
});
