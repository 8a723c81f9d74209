/** The texts of a real capture's replay: which connection, what the machine refused, where a step is in the file. */
import { CAPTURE_STEP_MS, type CaptureLadder } from '../../shared/capture/captureLadder.ts';
import { t } from '../i18n/text.ts';

/** "● CLIENT 127.0.0.1:51176 · ■ SERVER 127.0.0.1:8080", then the connection, the counts and the keys. */
export function captureStatus(ladder: CaptureLadder, connection: number, connections: number): string {
  const r = ladder.record;
  const ends = `● ${t('role.client')} ${r.nicknames.client} · ■ ${t('role.server')} ${r.nicknames.server}`;
  const counts = [
    ...(connections > 1 ? [t('capture.connection', { n: connection + 1, count: connections })] : []),
    t('capture.summary', { segments: r.wire.length, refused: ladder.refused }),
    ...(ladder.leftOut > 0 ? [t('capture.leftOut', { shown: r.wire.length, more: ladder.leftOut })] : []),
  ];
  return `${ends}\n${counts.join(' · ')}\n${t(connections > 1 ? 'capture.keysMany' : 'capture.keys')}`;
}

/** "Step 3 of 12 · frame 5 · 0.000213 s": the frame in the file and its time since the connection's first. */
export function captureStepText(ladder: CaptureLadder, at: number, step: number, steps: number): string {
  // The ladder's clock gives each segment one step of CAPTURE_STEP_MS: its id is the step it was sent in.
  const id = Math.min(ladder.frames.length - 1, Math.floor(at / CAPTURE_STEP_MS) - 1);
  if (id < 0) return t('capture.stepStart', { step: step + 1, steps });
  const first = ladder.frames[0]!.timestampUs;
  const f = ladder.frames[id]!;
  return t('capture.step', { step: step + 1, steps, frame: f.frame, seconds: ((f.timestampUs - first) / 1e6).toFixed(6) });
}
