import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeIpPacket } from '../../shared/capture/ipv4Tcp.ts';
import { ipPayload, readCapture } from '../../shared/capture/pcapng.ts';
import {
  roundCapturePath, roundRecordPath, STUDENT_TOKEN_HEADER, TEACHER_MSG, TEACHER_SECRET_HEADER, type ErrorPayload, type RoundRecordPayload,
} from '../../shared/protocol.ts';
import { ROUND_REQUESTS_PER_MINUTE } from '../../server/http/roundRecords.ts';
import { bootGame, followHints, pairUp, TEST_URL, until, type TestServer, segmentsOf } from './gameServer.ts';
import { classConfig, command, createClass, joinClass, playRound, type Student, type Teacher } from './classroomHarness.ts';

let colyseus: TestServer;
let requests = 0;
beforeAll(async () => { colyseus = await bootGame(classConfig()); });
afterAll(async () => { await colyseus.shutdown(); });

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  requests++;
  return fetch(`${TEST_URL}${path}`, { headers });
}

describe('a finished pair round', () => {
  it('gets a record id that serves its whole ladder, and a pcapng with one frame per segment sent', async () => {
    const { a, b } = await pairUp(colyseus, ['lost-syn']);
    await Promise.all([followHints(a), followHints(b)]);
    const end = await until(a, (s) => s.phase === 'finished' && s.recordId !== '');

    const res = await get(roundRecordPath(end.recordId));
    expect(res.status).toBe(200);
    const { record, mode } = await res.json() as RoundRecordPayload;
    expect(mode).toBe('private');
    expect(record.scenarioId).toBe('lost-syn');
    expect(record.nicknames).toEqual({ client: 'Ada', server: 'Bo' });
    const ladder = segmentsOf(end).map((s) => [s.from, s.card, s.seq, s.ack, s.status]);
    expect(record.wire.map((s) => [s.from, s.card, s.seq, s.ack, s.status])).toEqual(ladder);
    expect(record.wire.filter((s) => s.resent).map((s) => s.card)).toEqual(['SYN']);

    const file = await get(roundCapturePath(end.recordId, 'zh-Hant'));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="tcp-tango-lost-syn-.+\.pcapng"/);
    const read = readCapture(new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) throw new Error(read.code);
    const segments = read.file.packets.map((p) => decodeIpPacket(ipPayload(read.file.interfaces[0]!.linkType, p.data)!)!);
    expect(segments.map((s) => [s.seq, s.checksumOk])).toEqual(segmentsOf(end).map((s) => [s.seq, true]));
    expect(read.file.packets[0]!.comment).toContain('在途中遺失');
    await a.leave();
    await b.leave();
  });

  it('answers an unknown id with 404, a malformed one with 400, and a bad language with 400', async () => {
    expect(await (await get(roundRecordPath('AAAAAAAAAAAAAAAA'))).json()).toEqual({ code: 'roundRecordNotFound' } satisfies ErrorPayload);
    expect((await get(roundRecordPath('AAAAAAAAAAAAAAAA'))).status).toBe(404);
    expect((await get(roundRecordPath('not-an-id'))).status).toBe(400);
    expect((await get('/api/rounds/AAAAAAAAAAAAAAAA/capture.pcapng?locale=fr')).status).toBe(400);
  });
});

describe('a class round', () => {
  let teacher: Teacher;
  let students: Student[];
  let recordOf: Map<string, string>;

  beforeAll(async () => {
    teacher = await createClass(colyseus, { playlist: ['handshake'] });
    students = [await joinClass(teacher.code, 'Amy'), await joinClass(teacher.code, 'Ben'), await joinClass(teacher.code, 'Cai')];
    await until(teacher.room, (s) => s.students.size === 3);
    await command(teacher.room, TEACHER_MSG.startRound);
    // A round's record id reaches the state once the record is stored, a little after the round ends.
    const played = await Promise.all(students.map(async (s) => {
      const { pair } = await playRound(s);
      return { pair, state: await until(pair, (st) => st.recordId !== '') };
    }));
    recordOf = new Map(played.map((p, i) => [students[i]!.welcome.studentId, p.state.recordId]));
    await Promise.all(played.map((p) => p.pair.leave()));
  });

  it('is read only with the teacher\'s secret or the token of a student who played it', async () => {
    const [amy, ben, cai] = students as [Student, Student, Student];
    const amysRound = recordOf.get(amy.welcome.studentId)!;
    // Two of three share a pair; the third plays a bot.
    const partner = [ben, cai].find((s) => recordOf.get(s.welcome.studentId) === amysRound);
    const outsider = [ben, cai].find((s) => recordOf.get(s.welcome.studentId) !== amysRound)!;

    const nobody = await get(roundRecordPath(amysRound));
    expect(nobody.status).toBe(401);
    expect(await nobody.json()).toEqual({ code: 'notYourRound' });
    expect((await get(roundCapturePath(amysRound, 'en'))).status).toBe(401);
    expect((await get(roundRecordPath(amysRound), { [STUDENT_TOKEN_HEADER]: outsider.welcome.token })).status).toBe(401);
    expect((await get(roundRecordPath(amysRound), { [TEACHER_SECRET_HEADER]: 'x'.repeat(43) })).status).toBe(401);

    expect((await get(roundRecordPath(amysRound), { [STUDENT_TOKEN_HEADER]: amy.welcome.token })).status).toBe(200);
    if (partner) expect((await get(roundRecordPath(amysRound), { [STUDENT_TOKEN_HEADER]: partner.welcome.token })).status).toBe(200);
    const forTeacher = await get(roundCapturePath(amysRound, 'en'), { [TEACHER_SECRET_HEADER]: teacher.secret });
    expect(forTeacher.status).toBe(200);
    expect(readCapture(new Uint8Array(await forTeacher.arrayBuffer())).ok).toBe(true);
  });
});

describe('the round routes', () => {
  it(`refuse an address after ${ROUND_REQUESTS_PER_MINUTE} requests a minute, with rateLimited`, async () => {
    const left = ROUND_REQUESTS_PER_MINUTE - requests;
    for (let i = 0; i < left; i++) expect((await get(roundRecordPath('AAAAAAAAAAAAAAAA'))).status).toBe(404);
    const refused = await get(roundRecordPath('AAAAAAAAAAAAAAAA'));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: 'rateLimited' });
  });
});
