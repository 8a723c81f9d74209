import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playOut } from '../../shared/bots/playOut.ts';
import { roundCapture } from '../../shared/capture/roundCapture.ts';
import { roundRecordOf, type RoundRecord } from '../../shared/capture/roundRecord.ts';
import { createMatch } from '../../shared/match/engine.ts';
import { makeSettings } from '../../shared/match/settings.ts';
import { SCENARIO_LIST } from '../../shared/scenarios/catalogue.ts';
import type { ScenarioId } from '../../shared/scenarios/scenario.ts';
import { toolPresent } from './externalTool.ts';

const dir = mkdtempSync(join(tmpdir(), 'tango-capture-'));
const WALL_CLOCK = Date.UTC(2025, 0, 6, 9, 0, 0);

function recordOf(scenarioId: ScenarioId): RoundRecord {
  const start = createMatch({ scenarioId, settings: makeSettings({}), seed: 11, now: 5000 });
  const { state } = playOut(start, { client: { reactionMs: 300, errorRate: 0 }, server: { reactionMs: 450, errorRate: 0 } });
  return roundRecordOf(state, WALL_CLOCK, { client: 'Ana', server: '' });
}

interface Frame {
  time: number; flags: number; seq: number; ack: number; len: number; window: number;
  tcpChecksum: string; ipChecksum: string; retransmission: boolean; src: string; comment: string;
}

const FIELDS = ['frame.time_epoch', 'tcp.flags', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.len', 'tcp.window_size_value',
  'tcp.checksum.status', 'ip.checksum.status', 'tcp.analysis.retransmission', 'ip.src', 'frame.comment'];

/** Every frame as tshark reads it, with checksum checks on, and what tshark said on stderr. */
function tshark(file: string): { frames: Frame[]; warnings: string[] } {
  const run = spawnSync('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields',
    '-E', 'separator=\t', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  // tshark warns whoever runs it as root; anything else it says is about the file.
  const warnings = run.stderr.split('\n').filter((l) => l.trim() && !l.includes('Running as user "root"'));
  const frames = run.stdout.trimEnd().split('\n').map((line) => {
    const [time, flags, seq, ack, len, window, tcpChecksum, ipChecksum, retransmission, src, comment] = line.split('\t');
    return {
      time: Number(time), flags: Number(flags), seq: Number(seq), ack: Number(ack), len: Number(len), window: Number(window),
      tcpChecksum: tcpChecksum!, ipChecksum: ipChecksum!, retransmission: retransmission !== '', src: src!, comment: comment ?? '',
    };
  });
  return { frames, warnings };
}

/** Each scenario's round, its file and tshark's reading, made once: tshark takes seconds to start. */
const read = new Map<ScenarioId, { record: RoundRecord; frames: Frame[]; warnings: string[] }>();
function readRound(id: ScenarioId): { record: RoundRecord; frames: Frame[]; warnings: string[] } {
  const done = read.get(id);
  if (done) return done;
  const record = recordOf(id);
  const file = join(dir, `${id}.pcapng`);
  writeFileSync(file, roundCapture(record, 'en'));
  const result = { record, ...tshark(file) };
  read.set(id, result);
  return result;
}

const BITS = { FIN: 0x01, SYN: 0x02, RST: 0x04, ACK: 0x10 } as const;

describe.runIf(toolPresent('tshark'))('a downloaded round read by tshark', () => {
  for (const { id } of SCENARIO_LIST) {
    it(`${id}: every segment on the wire is a frame with the ladder's flags, seq, ack and length, and valid checksums`, () => {
      const { record, frames, warnings } = readRound(id);
      expect(warnings).toEqual([]);
      const sent = [...record.wire].sort((a, b) => a.sentAt - b.sentAt || a.id - b.id);
      expect(frames).toHaveLength(sent.length);
      sent.forEach((s, i) => {
        const f = frames[i]!;
        const flags = s.flags.reduce((b, flag) => b | BITS[flag], 0);
        // PSH rides on data, as real senders set it.
        expect(f.flags & ~0x08, `frame ${i + 1} flags`).toBe(flags);
        expect(f.seq, `frame ${i + 1} seq`).toBe(s.seq);
        expect(f.ack, `frame ${i + 1} ack`).toBe(s.flags.includes('ACK') ? s.ack : 0);
        expect(f.len).toBe(s.len);
        expect(f.window).toBe(record.windows[s.from]);
        expect(f.src).toBe(s.from === 'client' ? '192.0.2.1' : '192.0.2.2');
        // 1 is Wireshark's "Good".
        expect([f.tcpChecksum, f.ipChecksum]).toEqual(['1', '1']);
        expect(f.time * 1000).toBeCloseTo(WALL_CLOCK + s.sentAt - record.startedAt, 0);
        if (s.status === 'lost') expect(f.comment).toContain('lost on the way');
      });
    });
  }

  it('marks as retransmissions exactly the segments the game marked as resent, and in a simultaneous open the SYN+ACKs that repeat their SYN\'s number', () => {
    const seen: string[] = [];
    for (const { id } of SCENARIO_LIST) {
      const { record, frames } = readRound(id);
      const sent = [...record.wire].sort((a, b) => a.sentAt - b.sentAt || a.id - b.id);
      sent.forEach((s, i) => {
        // RFC 9293 Figure 7: the SYN+ACK of a simultaneous open carries the SYN's sequence number
        // again; Wireshark, which sees that number a second time, calls it a retransmission.
        const repeatsSyn = s.card === 'SYN+ACK' && sent.some((o) => o.from === s.from && o.card === 'SYN' && o.seq === s.seq);
        expect(frames[i]!.retransmission, `${id} frame ${i + 1} ${s.card}`).toBe(s.resent || repeatsSyn);
        if (s.resent) seen.push(`${id}:${s.card}`);
      });
    }
    // The scenarios with a loss do resend, so the comparison above is not vacuous.
    expect(seen).toEqual(expect.arrayContaining(['lost-syn:SYN', 'lost-syn-ack:SYN+ACK', 'lost-last-ack:FIN']));
  });

  it('writes frame comments in the chosen language', () => {
    const file = join(dir, 'lost-syn-zh.pcapng');
    writeFileSync(file, roundCapture(recordOf('lost-syn'), 'zh-Hans'));
    expect(tshark(file).frames[0]!.comment).toContain('在途中丢失');
  });
});
