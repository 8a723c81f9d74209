import { describe, expect, it } from 'vitest';
import { FRAME_CHECK, judgeFrames } from '../../client/frameCheck.ts';

/** `seconds` of frames of `ms` each. */
const frames = (ms: number, seconds: number): number[] => Array.from({ length: Math.ceil((seconds * 1000) / ms) }, () => ms);

describe('judging the first seconds of a match by its frame times', () => {
  it('waits until the warm-up and the whole window have passed', () => {
    expect(judgeFrames([])).toEqual({ status: 'measuring' });
    expect(judgeFrames(frames(16.7, 4.5))).toEqual({ status: 'measuring' });
    expect(judgeFrames(frames(16.7, 5.1)).status).toBe('smooth');
  });

  it('draws the line at a quarter of the frames slower than the stated threshold', () => {
    const late = FRAME_CHECK.slowFrameMs + 1;
    const mixed = (everyNth: number): number[] => frames(16.7, 6).map((ms, i) => (i % everyNth === 0 ? late : ms));
    expect(judgeFrames(mixed(4)).status).toBe('slow');
    expect(judgeFrames(mixed(5)).status).toBe('smooth');
  });

  it('calls 60 and 30 frames a second smooth', () => {
    expect(judgeFrames(frames(16.7, 6))).toEqual({ status: 'smooth', fps: 60, p75Ms: 17 });
    expect(judgeFrames(frames(33.4, 6))).toMatchObject({ status: 'smooth', fps: 30 });
  });

  it('calls software WebGL\'s 133 ms frames slow, and says how many frames a second it drew', () => {
    expect(judgeFrames(frames(133, 6))).toEqual({ status: 'slow', fps: 8, p75Ms: 133 });
  });

  it('ignores the slow frames of the scene\'s first second', () => {
    expect(judgeFrames([...frames(250, 1), ...frames(16.7, 4.1)]).status).toBe('smooth');
  });

  it('forgives a few long frames (a garbage collection, a tab back in view) but not frequent stutter', () => {
    const hitches = frames(16.7, 5.1).map((ms, i) => (i % 20 === 10 ? 300 : ms));
    expect(judgeFrames(hitches).status).toBe('smooth');
    // Every third frame late: the lane's segments jump although most frames are quick.
    const stutter = frames(16.7, 6).map((ms, i) => (i % 3 === 0 ? 60 : ms));
    expect(judgeFrames(stutter).status).toBe('slow');
  });

  it('judges only the window, not frames that come after it', () => {
    expect(judgeFrames([...frames(16.7, 5.1), ...frames(500, 10)]).status).toBe('smooth');
  });
});
