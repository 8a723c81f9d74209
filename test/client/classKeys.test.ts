import { beforeEach, describe, expect, it } from 'vitest';
import { CLASS_RETURN_MS, classKeys } from '../../client/classKeys.ts';

/** The browser's localStorage, as far as classKeys uses it. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number { return this.items.size; }
  key(i: number): string | null { return [...this.items.keys()][i] ?? null; }
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  setItem(key: string, value: string): void { this.items.set(key, value); }
  removeItem(key: string): void { this.items.delete(key); }
}

const NOW = 1_800_000_000_000;
beforeEach(() => { Object.assign(globalThis, { localStorage: new MemoryStorage() }); });

describe('the class a student last joined', () => {
  it('is the last one, for a school morning after joining, while its token is kept', () => {
    expect(classKeys.lastJoined(NOW)).toBeNull();
    classKeys.keepStudentToken('AAAAA', 'token-a', NOW);
    classKeys.keepStudentToken('BBBBB', 'token-b', NOW + 1000);
    expect(classKeys.lastJoined(NOW + 2000)).toBe('BBBBB');
    expect(classKeys.lastJoined(NOW + 1000 + CLASS_RETURN_MS - 1)).toBe('BBBBB');
    expect(classKeys.lastJoined(NOW + 1000 + CLASS_RETURN_MS)).toBeNull();
  });

  it('is forgotten with its token (kicked, or the class ended), and another class forgotten leaves it', () => {
    classKeys.keepStudentToken('AAAAA', 'token-a', NOW);
    classKeys.keepStudentToken('BBBBB', 'token-b', NOW);
    classKeys.forgetStudent('AAAAA');
    expect(classKeys.lastJoined(NOW)).toBe('BBBBB');
    classKeys.forgetStudent('BBBBB');
    expect(classKeys.lastJoined(NOW)).toBeNull();
  });

  it('is none when what is stored is damaged', () => {
    for (const damaged of ['{', '"BBBBB"', '{"code":5,"at":1}', '{"code":"BBBBB"}', 'null']) {
      localStorage.setItem('tango.class.lastStudent', damaged);
      localStorage.setItem('tango.class.student.BBBBB', 'token-b');
      expect(classKeys.lastJoined(NOW)).toBeNull();
    }
  });
});
