import { describe, expect, it } from '@jest/globals';
import { screenOf, subPathOf } from './screens';

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
