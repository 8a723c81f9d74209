import type Phaser from 'phaser';
import type { Role } from '../../shared/match/cards.ts';
import type { MoveView, PairRoomView } from '../../shared/protocol.ts';
import type { SoundToggle } from '../ui/SoundToggle.ts';
import { cuesFor, matchEvents, type MatchMoment, type SoundEvent } from './cues.ts';
import { matchMoment } from './matchMoment.ts';
import { playCues } from './soundOutput.ts';

/**
 * The sounds of a match screen: the count-down, the clock's start and last seconds, segments
 * arriving and lost, and the verdicts on the player's own cards, each heard as the screen shows it.
 */
export class MatchSounds {
  private readonly scene: Phaser.Scene;
  private readonly toggle: SoundToggle;
  private before: MatchMoment | null = null;

  constructor(scene: Phaser.Scene, toggle: SoundToggle) {
    this.scene = scene;
    this.toggle = toggle;
  }

  /** Called every frame with what the screen draws; `roundClock` false where the header shows another clock. */
  frame(view: PairRoomView, me: Role | undefined, now: number, roundClock: boolean): void {
    const moment = matchMoment(view, me, now, roundClock);
    this.hear(matchEvents(this.before, moment));
    this.before = moment;
  }

  /** The player's card as judged (the reply to `play`). */
  judged(move: MoveView): void {
    this.hear([{ kind: 'judged', verdict: move.verdict, sent: move.segmentId >= 0 }]);
  }

  /** A lost segment was shown vanishing in the lane. */
  lost(): void {
    this.hear([{ kind: 'lost' }]);
  }

  private hear(events: readonly SoundEvent[]): void {
    playCues(this.scene, cuesFor(events, this.toggle.soundOn));
  }
}
