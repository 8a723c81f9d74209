import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../server/storage/stores.ts';
import {
  classJoinPath, classQrPath, classReportPath, TEACHER_MSG, TEACHER_SECRET_HEADER, type ClassReport,
} from '../../shared/protocol.ts';
import type { Misconception } from '../../shared/reports/misconceptions.ts';
import { misconceptionText } from '../../shared/i18n/misconceptionTexts.ts';
import { bootGame, followHints, me, play, TEST_URL, until, type TestServer } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, playRound, takeSeat, type Teacher } from './classroomHarness.ts';

const BASE = TEST_URL;
let colyseus: TestServer;
let teacher: Teacher;
const stores = openStores(':memory:');

/** A class of three that played one handshake round; 小明 played a wrong card first. */
/** 小明's right moves: the client of a handshake makes two (SYN, ACK), the server one (SYN+ACK). */
let mingCorrect = 0;
let mingMisconception: Misconception = 'earlyDataOrClose';
beforeAll(async () => {
  colyseus = await bootGame(classConfig(), stores);
  teacher = await createClass(colyseus, { playlist: ['handshake'] });
  const [ming, sneaky, amy] = [await joinClass(teacher.code, '小明'), await joinClass(teacher.code, '=HYPERLINK("x")'), await joinClass(teacher.code, 'Amy')];
  await until(teacher.room, (s) => s.students.size === 3);
  await command(teacher.room, TEACHER_MSG.startRound);
  const mingPlays = async () => {
    const { pair } = await takeSeat(ming);
    // Pairing is random: he may be either end. His wrong card comes when a move is expected of
    // him, so that the hint shows at once after it and his next move is the hinted one.
    await until(pair, (s) => s.phase === 'playing' && s.serverTime >= s.roundClockStartsAt && me(pair).hints.length > 0);
    mingCorrect = me(pair).role === 'client' ? 2 : 1;
    // Each a misconception: a FIN before the connection exists, a plain ACK for the SYN.
    const wrong = me(pair).role === 'client' ? 'FIN' : 'ACK';
    mingMisconception = me(pair).role === 'client' ? 'earlyDataOrClose' : 'plainAckForSyn';
    expect((await play(pair, { card: wrong })).move.verdict).toBe('wrongCard');
    await followHints(pair);
    return pair;
  };
  const pairs = await Promise.all([mingPlays(), playRound(sneaky).then((p) => p.pair), playRound(amy).then((p) => p.pair)]);
  await until(teacher.room, (s) => s.phase === 'review');
  // Each pair's round record is stored a little after its round ends; its id in the state says it is.
  await Promise.all(pairs.map((pair) => until(pair, (s) => s.recordId !== '')));
});
afterAll(async () => { await colyseus.shutdown(); });

const get = (path: string, secret?: string) => fetch(`${BASE}${path}`, secret ? { headers: { [TEACHER_SECRET_HEADER]: secret } } : {});

describe('the class report', () => {
  it('is the leaderboard, with accuracy per kind of move and the most common mistakes', async () => {
    const res = await get(classReportPath(teacher.code), teacher.secret);
    expect(res.status).toBe(200);
    const report = await res.json() as ClassReport;
    const board = teacher.room.state.leaderboard;
    expect(report.students.map((s) => [s.rank, s.nickname, s.points, s.accuracy])).toEqual(board.map((r) => [r.rank, r.nickname, r.points, r.accuracy]));
    expect(report.rounds).toEqual([{ roundNo: 1, scenarioId: 'handshake', interrupted: false }]);
    // Each pair's round, kept whole for its replay and capture file: two pairs (one with a bot).
    expect(report.pairRounds.map((p) => [p.roundNo, p.scenarioId, p.status])).toEqual([[1, 'handshake', 'won'], [1, 'handshake', 'won']]);
    expect(report.pairRounds.flatMap((p) => Object.values(p.nicknames)).sort()).toEqual(['', '=HYPERLINK("x")', 'Amy', '小明']);
    for (const p of report.pairRounds) expect((await get(`/api/rounds/${p.recordId}/capture.pcapng`, teacher.secret)).status).toBe(200);
    const ming = report.students.find((s) => s.nickname === '小明')!;
    expect(ming.mistakes).toBe(1);
    // After the wrong card the hint showed at once: the SYN that followed it was hinted.
    expect(ming.hinted).toBe(1);
    expect(report.students.find((s) => s.nickname === 'Amy')!.hinted).toBe(0);
    expect(ming.roundsPlayed).toBe(1);
    expect(ming.commonMistakes[0]).toMatchObject({ count: 1 });
    expect(ming.skills.reduce((n, l) => n + l.wrong, 0)).toBe(1);
    expect(report.commonMistakes[0]).toEqual(ming.commonMistakes[0]);
    // Between rounds the projector shows the same mistake.
    expect(teacher.room.state.mistakes.map((m) => m.why)).toContain(ming.commonMistakes[0]!.why);
  });

  it('groups the wrong moves under the misconception they show, for the student and the class', async () => {
    const report = await (await get(classReportPath(teacher.code), teacher.secret)).json() as ClassReport;
    const ming = report.students.find((s) => s.nickname === '小明')!;
    expect(ming.misconceptions).toEqual([{ id: mingMisconception, count: 1, students: 1 }]);
    expect(report.students.find((s) => s.nickname === 'Amy')!.misconceptions).toEqual([]);
    expect(report.misconceptions).toEqual([{ id: mingMisconception, count: 1, students: 1 }]);
  });

  it('downloads as a spreadsheet-safe CSV: BOM, CRLF, Chinese intact, no formulas, headings in the chosen language', async () => {
    const res = await get(classReportPath(teacher.code, 'csv'), teacher.secret);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`tcp-tango-class-${teacher.code}.csv`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF"Rank","Nickname","Points"')).toBe(true);
    const lines = text.split('\r\n').filter((l) => l !== '');
    // Three students, then the class's misconceptions: a heading and one row, after an empty row.
    expect(lines).toHaveLength(6);
    const name = misconceptionText(mingMisconception, 'en').name;
    expect(lines[0]!.endsWith(`"Most common mistake","${name}"`)).toBe(true);
    expect(lines.find((l) => l.includes('"小明"'))!.endsWith(',1')).toBe(true);
    expect(lines.find((l) => l.includes('"Amy"'))!.endsWith(',0')).toBe(true);
    expect(lines[4]).toBe('"Misconception","Students","Wrong moves","What to reteach"');
    expect(lines[5]).toBe(`"${name}",1,1,"${misconceptionText(mingMisconception, 'en').reteach}"`);
    expect(text).toContain('"小明"');
    expect(lines[0]).toContain('"Missed deadlines","Hinted moves","Rounds played"');
    // Right moves, mistakes, missed deadlines, hinted moves, rounds played.
    expect(lines.find((l) => l.includes('"小明"'))).toContain(`,${mingCorrect},1,0,1,1,`);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toMatch(/(^|,)"?=/m);

    const zh = await (await get(`${classReportPath(teacher.code, 'csv')}?locale=zh-Hant`, teacher.secret)).text();
    expect(zh).toContain('"名次","暱稱"');
    expect(zh).toContain(`"${misconceptionText(mingMisconception, 'zh-Hant').reteach}"`);
    expect((await get(`${classReportPath(teacher.code, 'csv')}?locale=fr`, teacher.secret)).status).toBe(400);
  });

  it('is only for the teacher: the secret in a header, and a clear code when it is missing or wrong', async () => {
    const path = classReportPath(teacher.code);
    for (const [secret, status, code] of [[undefined, 401, 'badTeacherSecret'], ['x'.repeat(43), 401, 'badTeacherSecret']] as const) {
      const res = await get(path, secret);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ code });
    }
    expect((await get(classReportPath(teacher.code, 'csv'))).status).toBe(401);
    // Another class's secret opens only that class.
    const other = await createClass(colyseus);
    expect((await get(path, other.secret)).status).toBe(401);
    // A code that names no class gets the same answer as a wrong secret: nothing says which codes exist.
    expect((await get(classReportPath('ZZZZ9'), teacher.secret)).status).toBe(401);
    expect((await get('/api/classes/not-a-code!/report', teacher.secret)).status).toBe(400);
    // The secret travels in a header only: a query string carrying it opens nothing.
    expect((await get(`${path}?secret=${teacher.secret}`)).status).toBe(401);
  });
});

describe('the join QR code', () => {
  it('is an SVG of the class\'s join link, and only for a class that exists', async () => {
    const res = await get(classQrPath(teacher.code));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await res.text();
    const expected = await QRCode.toString(`${BASE}${classJoinPath(teacher.code)}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    expect(svg).toBe(expected);
    expect((await get(classQrPath(teacher.code.toLowerCase()))).status).toBe(200);
    expect((await get(classQrPath('ZZZZ9'))).status).toBe(404);
    expect((await get('/api/classes/javascript:alert(1)/qr.svg')).status).toBe(400);
  });
});
