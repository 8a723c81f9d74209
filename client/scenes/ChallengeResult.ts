import Phaser from 'phaser';
import type { ChallengeResultPayload } from '../../shared/protocol.ts';
import { savedChallengeOptions } from '../challengePreferences.ts';
import { game, labelled, t } from '../i18n/text.ts';
import { ChallengeSession } from '../net/challengeSession.ts';
import { createChallenge } from '../net/lobby.ts';
import type { Session } from '../net/session.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { CopyField } from '../ui/CopyField.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { LineList } from '../ui/LineList.ts';
import { RoundPicker } from '../ui/RoundPicker.ts';
import { StatTiles } from '../ui/StatTiles.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS, css } from '../ui/theme.ts';
import { mistakeLines, standingLine, stats, summaryLine } from './challengeResultTexts.ts';
import type { LeaderboardData } from './Leaderboard.ts';
import { Screen } from './Screen.ts';
import { screenFor } from './SessionScreen.ts';
import { go, SCENES } from './scenes.ts';

/** How long to wait for the result after the time is up before saying it did not come. */
const RESULT_WAIT_MS = 15_000;
/** Taps and keys meant for the last cards must not press this screen's buttons. */
const DEAF_MS = 1200;
/** Below this height (CSS px) a phone is short of room for the mistakes under the score. */
const SHORT_PHONE = 700;

/** Either the room the challenge was played in (the result is on its way) or the result itself. */
export interface ChallengeResultData {
  session?: Session;
  result?: ChallengeResultPayload;
}

/** The end of a timed challenge: score, accuracy, streak, rank, the mistakes and a line to share. */
export class ChallengeResult extends Screen {
  private result: ChallengeResultPayload | null = null;
  private session: ChallengeSession | null = null;
  private title!: Phaser.GameObjects.Text;
  private summary!: Phaser.GameObjects.Text;
  private tiles!: StatTiles;
  private standing!: Phaser.GameObjects.Text;
  private shareLabel!: Phaser.GameObjects.Text;
  private share!: CopyField;
  private mistakes!: LineList;
  private again!: Button;
  private leaderboard!: Button;
  private home!: Button;
  private keys!: Phaser.GameObjects.Text;
  /** Each round played, kept: its capture file and its replay. */
  private rounds!: RoundPicker;
  private busy = false;

  constructor() {
    super(SCENES.ChallengeResult);
  }

  init(data: ChallengeResultData): void {
    this.session = data.session instanceof ChallengeSession ? data.session : null;
    this.result = data.result ?? this.session?.result ?? null;
    this.busy = false;
  }

  create(): void {
    publish({ challenge: null });
    this.ignoreInputFor(DEAF_MS);
    this.title = this.add.text(0, 0, t('challenge.over'), textStyle(30, { bold: true }));
    this.summary = this.add.text(0, 0, '', textStyle(16, { colour: COLOURS.dim }));
    this.tiles = new StatTiles(this, 4);
    this.standing = this.add.text(0, 0, t('challenge.counting'), textStyle(17, { bold: true }));
    this.shareLabel = this.add.text(0, 0, t('challenge.share'), textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.share = new CopyField(this, 'share-line', { copy: t('challenge.copy'), copied: t('challenge.copied') });
    this.mistakes = new LineList(this, (above, below) => t('leaderboard.scroll', { above, below }));
    this.again = new Button(this, t('challenge.again'), () => void this.playAgain(), { primary: true, fontSize: 20 });
    this.leaderboard = new Button(this, `♛ ${t('challenge.leaderboard')}`, () => this.openLeaderboard());
    this.home = new Button(this, t('challenge.home'), () => this.goHome());
    this.keys = this.add.text(0, 0, t('challenge.resultKeys'), textStyle(13, { colour: COLOURS.dim, align: 'center' })).setOrigin(0.5, 1);
    this.rounds = new RoundPicker(this, null, (round) => go(this, SCENES.Replay, { id: round.recordId, classCode: null }));
    const focus = new FocusOrder(this);
    focus.setItems([this.again, this.share.button, this.leaderboard, this.home, ...this.rounds.buttons]);
    this.onKey('LEFT', () => this.rounds.previous.press());
    this.onKey('RIGHT', () => this.rounds.following.press());
    this.onKey('W', () => this.rounds.capture.press());
    this.onKey('R', () => this.rounds.replay.press());
    this.onKey('L', () => this.leaderboard.press());
    this.onKey('C', () => void this.share.copy());
    this.onKey('ESC', () => this.home.press());
    this.onKey('UP', () => this.mistakes.scroll(-1));
    this.onKey('DOWN', () => this.mistakes.scroll(1));
    this.onKey('PAGE_UP', () => this.mistakes.scroll(-this.mistakes.page));
    this.onKey('PAGE_DOWN', () => this.mistakes.scroll(this.mistakes.page));
    this.show();
    this.startLayout();
    // Enter plays again: the main action has the keyboard focus from the start.
    focus.focus(this.again);
    if (!this.result) this.awaitResult();
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(12, Math.min(28, width * 0.025));
    const wide = width >= 900 && width > height;
    const column = wide ? Math.min(620, width * 0.5 - 2 * m) : Math.min(640, width - 2 * m);
    const x = wide ? m : (width - column) / 2;
    let y = m;
    this.title.setPosition(x, y).setFontSize(width < 520 ? 26 : 34);
    y += this.title.height + 2;
    this.summary.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.summary.height + 10;
    y += this.tiles.setPosition(x, y).layout(column) + 10;
    this.standing.setWordWrapWidth(column, true).setPosition(x, y).setFontSize(width < 520 ? 15 : 18);
    y += this.standing.height + 12;
    this.shareLabel.setPosition(x, y);
    y += 20;
    // A short phone keeps the share line and its button on one row, so the mistakes below keep some room.
    y += this.share.layout(x, y, column, 48, this.spacingHeight < SHORT_PHONE) + 14;
    y += this.rounds.layout(x, y, column);

    const buttonHeight = 52;
    const keysHeight = width < 520 ? 0 : 22;
    this.keys.setVisible(keysHeight > 0).setWordWrapWidth(width - 2 * m, true).setPosition(width / 2, height - 4);
    if (wide) {
      const right = x + column + 2 * m;
      const listWidth = width - right - m;
      this.mistakes.setPosition(right, m).resize(listWidth, height - 2 * m - keysHeight, 17);
      const third = (column - 16) / 3;
      const by = Math.max(y + 10, height - m - keysHeight - buttonHeight) + buttonHeight / 2;
      this.again.resize(third, buttonHeight).setPosition(x + third / 2, by);
      this.leaderboard.resize(third, buttonHeight).setPosition(x + third * 1.5 + 8, by);
      this.home.resize(third, buttonHeight).setPosition(x + third * 2.5 + 16, by);
    } else {
      const half = (column - 8) / 2;
      const bottom = height - m - keysHeight;
      this.home.resize(half, 48).setPosition(x + half / 2, bottom - 24);
      this.leaderboard.resize(half, 48).setPosition(x + column - half / 2, bottom - 24);
      this.again.resize(column, buttonHeight).setPosition(x + column / 2, bottom - 48 - 8 - buttonHeight / 2);
      const listBottom = bottom - 48 - 8 - buttonHeight - 10;
      this.mistakes.setPosition(x, y).resize(column, Math.max(60, listBottom - y), 14);
    }
    this.publishTargets({
      again: this.again, leaderboard: this.leaderboard, home: this.home, copy: this.share.button,
      roundCapture: this.rounds.capture, roundReplay: this.rounds.replay,
    });
  }

  private ignoreInputFor(ms: number): void {
    const keyboard = this.input.keyboard;
    this.input.enabled = false;
    if (keyboard) keyboard.enabled = false;
    this.time.delayedCall(ms, () => {
      this.input.enabled = true;
      if (keyboard) keyboard.enabled = true;
      this.publishResult();
    });
  }

  private show(): void {
    const r = this.result;
    this.share.setVisible(r !== null);
    this.shareLabel.setVisible(r !== null);
    this.again.setEnabled(r !== null || !this.session);
    this.tiles.show(stats(r));
    if (!r) return;
    this.summary.setText(summaryLine(r));
    this.standing.setText(standingLine(r)).setColor(css(r.standing === 'ranked' ? COLOURS.hint : COLOURS.text));
    this.share.setText(game(r.share.key, r.share.params));
    const lines = mistakeLines(r);
    this.mistakes.setContent(t('challenge.mistakes', { count: r.mistakeCount }), lines.length ? lines : [`✓ ${t('result.noMistakes')}`]);
    this.rounds.show(r.rounds.map((k, i) => ({
      recordId: k.recordId, text: labelled(t('challenge.roundPick', { n: i + 1, count: r.rounds.length }), game(`scenario.${k.scenarioId}.title`)),
    })));
    this.publishResult();
  }

  /** Tells tests the result once it is on screen and the screen takes input. */
  private publishResult(): void {
    const r = this.result;
    if (!r || !this.input.enabled) return;
    publish({ challenge: {
      points: r.points, accuracy: r.accuracy, bestStreak: r.bestStreak, standing: r.standing, rank: r.rank,
      share: this.share.field.field.value, mistakes: mistakeLines(r),
    } });
  }

  /** The result comes as a message when the time is up; the room has nothing more to say after it. */
  private awaitResult(): void {
    const session = this.session;
    if (!session) return;
    const off = session.challengeEvents.on('result', (result) => this.received(result));
    const timer = this.time.delayedCall(RESULT_WAIT_MS, () => {
      if (this.result) return;
      this.standing.setText(`⚠ ${t('challenge.noResult')}`);
      this.again.setEnabled(true);
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => { off(); timer.remove(false); });
  }

  private received(result: ChallengeResultPayload): void {
    this.result = result;
    void this.session?.leave();
    this.show();
    this.layout(this.viewWidth, this.viewHeight);
  }

  private async playAgain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.again.setEnabled(false);
    await this.session?.leave();
    const joined = await createChallenge(savedChallengeOptions());
    this.busy = false;
    if (!this.scene.isActive()) return;
    if (!joined.ok) {
      this.again.setEnabled(true);
      this.standing.setText(`⚠ ${joined.failure === 'unreachable' ? t('start.unreachable') : game(`error.${joined.failure}`)}`);
      return;
    }
    go(this, screenFor(joined.session.view), { session: joined.session });
  }

  private openLeaderboard(): void {
    const r = this.result;
    void this.session?.leave();
    const data: LeaderboardData = {
      filter: r ? { board: r.board, difficulty: r.difficulty, seats: r.seats, ...(r.board === 'daily' ? { day: r.day } : {}) } : undefined,
      back: { scene: SCENES.ChallengeResult, data: r ? { result: r } : {} },
    };
    go(this, SCENES.Leaderboard, data);
  }

  private goHome(): void {
    void this.session?.leave();
    go(this, SCENES.Start);
  }
}
