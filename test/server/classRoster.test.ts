import { describe, expect, it } from 'vitest';
import { distinctNickname } from '../../server/rooms/classroom/classRoster.ts';

describe('nicknames in a class', () => {
  it('are made distinct with a number, ignoring case, and stay within 20 characters', () => {
    expect(distinctNickname('Amy', new Set())).toBe('Amy');
    expect(distinctNickname('Amy', new Set(['amy']))).toBe('Amy 2');
    expect(distinctNickname('AMY', new Set(['amy', 'amy 2']))).toBe('AMY 3');
    expect(distinctNickname('a'.repeat(20), new Set(['a'.repeat(20)]))).toBe(`${'a'.repeat(18)} 2`);
    expect(distinctNickname('小明', new Set(['小明']))).toBe('小明 2');
  });
});
