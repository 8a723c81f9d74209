import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, invitePath, inviteCodeIn, isNicknameLength, isRoomCode, LIMITS, typedRoomCode } from '../../shared/protocol.ts';
import { nicknameSchema, roomCodeSchema } from '../../shared/validation.ts';

describe('a room code as people type it', () => {
  it('ignores case, spaces and dashes, as read aloud or copied', () => {
    for (const typed of ['ab3k7', 'AB3 K7', 'ab3-k7', ' a b 3 k 7 ', 'AB3\tK7']) expect(typedRoomCode(typed)).toBe('AB3K7');
  });

  it('is a code only with five letters of the code alphabet (no 0, O, 1, I, L)', () => {
    expect(isRoomCode('AB3K7')).toBe(true);
    for (const bad of ['AB3K', 'AB3K72', 'AB0K7', 'ABOK7', 'AB1K7', 'ABIK7', 'ABLK7', '', 'AB3K!']) expect(isRoomCode(bad), bad).toBe(false);
    expect([...CODE_ALPHABET].every((c) => isRoomCode(c.repeat(5)))).toBe(true);
  });

  it('is read the same way by the client and the server', () => {
    for (const typed of ['ab3 k7', 'ab0k7', 'xyz', 'mn-pq-r', 'ZZZZZZ']) {
      const client = isRoomCode(typedRoomCode(typed)) ? typedRoomCode(typed) : null;
      const server = roomCodeSchema.safeParse(typed);
      expect(server.success ? server.data : null, typed).toBe(client);
    }
  });
});

describe('a nickname\'s length', () => {
  it('is judged by the join screens as the server judges it', () => {
    for (const nickname of ['', 'A', '小明', 'x'.repeat(LIMITS.nicknameMax), 'x'.repeat(LIMITS.nicknameMax + 1)]) {
      expect(isNicknameLength(nickname), nickname).toBe(nicknameSchema.safeParse(nickname).success);
    }
  });
});

describe('a nickname on a roster', () => {
  it('is taken with letters of any script, emoji and their joiners', () => {
    for (const name of ['Ann', '小明', '王 小明', 'José', '👩‍💻 Kim', 'A.B-C_1']) expect(nicknameSchema.safeParse(name).success, name).toBe(true);
  });

  it('is refused when it would read reversed, hide letters or show nothing', () => {
    const refused = [
      'abc\u202Edcba', // right-to-left override: "abcabcd" shown reversed
      'ab\u2066cd\u2069', 'x\u200Fy', // isolates and marks that change direction
      'a\u200Bb', '\u2060Ann', 'An\uFEFFn', // zero-width space, word joiner, BOM inside a name
      '\u3164', '\u115F\u1160', 'ㅤA', // Hangul fillers, alone or beside a letter
      '\u200D', '\u200D\u200D', ' \u00A0 ', // nothing a person sees
      'a\u0007b', // a control character
    ];
    for (const name of refused) expect(nicknameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
  });

  it('is stored composed, so two spellings of one name are one name', () => {
    expect(nicknameSchema.parse('Jose\u0301')).toBe('José');
  });
});

describe('the room code in an invite link', () => {
  it('is read from its own kind of link, a trailing slash and lower case allowed, and from nothing else', () => {
    expect(inviteCodeIn(invitePath('pair', 'AB3K7'), 'pair')).toBe('AB3K7');
    expect(inviteCodeIn('/join/ab3k7/', 'pair')).toBe('AB3K7');
    expect(inviteCodeIn(invitePath('challenge', 'AB3K7'), 'challenge')).toBe('AB3K7');
    for (const path of ['/challenge/AB3K7', '/join/', '/join', '/join/AB3K7/x', '/join/AB-K7', '/', '/xjoin/AB3K7']) {
      expect(inviteCodeIn(path, 'pair'), path).toBeNull();
    }
  });
});
