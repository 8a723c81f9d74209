import Phaser from 'phaser';
import { replayPath, type PairRoomView } from '../../shared/protocol.ts';
import { game, locale, t } from '../i18n/text.ts';
import { Button } from '../ui/Button.ts';
import { CaptureButton } from '../ui/CaptureButton.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { fitText } from '../ui/fitText.ts';
import { Ladder } from '../ui/Ladder.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { publish } from '../testHook.ts';
import { lastSoloOptions, openRoom } from '../net/lobby.ts';
import { recordRound } from '../progress.ts';
import { roundMistakesText } from './roundResultTexts.ts';
import { screenFor, SessionScreen } from './SessionScreen.ts';
import { go, SCENES } from './scenes.ts';

/** After a round: the whole ladder with every move marked, what went wrong and why, the score. */
export class RoundResult extends SessionScreen {
  private title!: Phaser.GameObjects.Text;
  private scenario!: Phaser.GameObjects.Text;
  private ladder!: Ladder;
  private score!: Phaser.GameObjects.Text;
  private mistakes!: Phaser.GameObjects.Text;
  private next!: Button;
  private home!: Button;
  private capture!: CaptureButton;
  private replay!: Button;
  /** The title's whole text, and the room it has beside the round's links (fitText shrinks or cuts it). */
  private titleText = '';
  private titleRoom = 300;
  private view!: PairRoomView;
  private readied = false;
  /** Play again was pressed: this room is being left for a new one. */
  private leaving = false;

  constructor() {
    super(SCENES.RoundResult);
  }

  create(): void {
    this.view = this.session.view;
    this.readied = false;
    this.title = this.add.text(0, 0, '', textStyle(28, { bold: true }));
    this.scenario = this.add.text(0, 0, '', textStyle(16, { colour: COLOURS.dim }));
    this.ladder = new Ladder(this, { roles: { client: t('role.client'), server: t('role.server') }, lost: t('match.lost'), missed: t('match.missed') });
    this.score = this.add.text(0, 0, '', textStyle(17, { bold: true }));
    this.mistakes = this.add.text(0, 0, '', textStyle(15, { wrap: 400 }));
    this.leaving = false;
    // Between rounds it readies the next one; after a solo match it starts another like it.
    this.next = new Button(this, t('result.next'), () => (this.view.phase === 'finished' ? void this.playAgain() : this.ready()),
      { primary: true, fontSize: 20 });
    // A class's round ends in the class's lobby, where the next round's seat comes.
    const inClass = this.view.mode === 'class' && this.cls !== undefined;
    this.home = inClass
      ? new Button(this, t('class.backToClass'), () => void this.cls?.leavePair().then(() => this.cls && go(this, SCENES.ClassLobby, { cls: this.cls })), { primary: true, fontSize: 18 })
      : new Button(this, t('result.again'), () => void this.session.leave().then(() => go(this, SCENES.Start)), { fontSize: 18 });
    this.capture = new CaptureButton(this, () => ({ recordId: this.view.recordId, classCode: inClass ? (this.cls?.code ?? null) : null }));
    this.onKey('W', () => this.capture.press());
    // In a tab of its own: this one keeps the seat, and the link is the one to share.
    this.replay = new Button(this, t('result.replay'), () => {
      if (this.view.recordId) window.open(replayPath(this.view.recordId, inClass ? this.cls?.code : undefined), '_blank', 'noopener');
    }, { fontSize: 16 });
    this.onKey('R', () => this.replay.press());
    new FocusOrder(this).setItems([this.next, this.home, this.capture, this.replay]);
    // The class rank comes when every pair has finished, which may be after this screen opened.
    const offClass = inClass ? this.cls?.events.on('view', () => this.showView(this.session.view)) : undefined;
    if (offClass) this.events.once(Phaser.Scenes.Events.SHUTDOWN, offClass);
    this.onKey('ENTER', () => (this.view.phase !== 'finished' ? this.ready() : this.canPlayAgain() ? this.next.press() : this.home.press()));
    this.startLayout();
    this.follow();
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(10, Math.min(28, width * 0.02));
    const wide = width >= 900 && width > height;
    this.title.setPosition(m, m);
    // The round's two links: top right beside the title where there is room, else a row of their
    // own under the scenario's line (a phone), each half the width.
    const roomy = width >= 640;
    const linkWidth = roomy ? Math.min(220, width * 0.18) : (width - 3 * m) / 2;
    this.titleRoom = roomy ? width - 3 * m - 2 * linkWidth - 8 : width - 2 * m;
    fitText(this.title, this.titleText, this.titleRoom);
    this.scenario.setWordWrapWidth(roomy ? this.titleRoom : width - 2 * m, true).setPosition(m, m + 40);
    let top = m + 40 + this.scenario.height + 10;
    if (roomy) {
      this.capture.resize(linkWidth, 40).setPosition(width - m - linkWidth / 2, m + 20);
      this.replay.resize(linkWidth, 40).setPosition(width - m - linkWidth * 1.5 - 8, m + 20);
    } else {
      this.replay.resize(linkWidth, 40).setPosition(m + linkWidth / 2, top + 20);
      this.capture.resize(linkWidth, 40).setPosition(width - m - linkWidth / 2, top + 20);
      if (this.capture.visible) top += 50;
    }
    const buttonHeight = 54;
    if (wide) {
      const ladderWidth = width * 0.55;
      this.ladder.setPosition(m, top).resize(ladderWidth - m, height - top - m);
      const x = ladderWidth + m;
      const column = width - x - m;
      this.score.setPosition(x, top);
      this.mistakes.setWordWrapWidth(column, true).setPosition(x, top + 60);
      this.next.resize(Math.min(320, column), buttonHeight).setPosition(x + Math.min(320, column) / 2, height - m - buttonHeight / 2);
      this.home.resize(Math.min(320, column), buttonHeight).setPosition(x + Math.min(320, column) / 2, height - m - buttonHeight * 1.5 - 10);
      this.publishTargets({ next: this.next, home: this.home, capture: this.capture, replay: this.replay });
      return;
    }
    // The ladder takes what the score, the explanations and the buttons leave: it is what a learner studies.
    const ladderHeight = Math.max(220, height - top - (60 + this.mistakes.height + 12) - (buttonHeight + m));
    this.ladder.setPosition(m, top).resize(width - 2 * m, ladderHeight);
    this.score.setPosition(m, top + ladderHeight + 8);
    this.mistakes.setWordWrapWidth(width - 2 * m, true).setPosition(m, top + ladderHeight + 60);
    const half = (width - 3 * m) / 2;
    this.home.resize(half, buttonHeight).setPosition(m + half / 2, height - m - buttonHeight / 2);
    this.next.resize(half, buttonHeight).setPosition(width - m - half / 2, height - m - buttonHeight / 2);
    this.publishTargets({ next: this.next, home: this.home, capture: this.capture, replay: this.replay });
  }

  override update(): void {
    this.ladder.show(this.view, this.endOf(this.view), false);
  }

  protected showView(view: PairRoomView): void {
    // The room clears the round's segments when the next one starts; keep the finished round.
    if (view.segments.length > 0 || this.view.round !== view.round) this.view = view;
    else this.view = { ...this.view, phase: view.phase, players: view.players };
    const v = this.view;
    const finished = v.phase === 'finished';
    const matchOver = finished && v.mode !== 'class';
    this.titleText = matchOver ? t('result.matchOver') : v.roundStatus === 'timeUp' ? t('result.timeUp') : t('result.won');
    fitText(this.title, this.titleText, this.titleRoom);
    const [round, rounds] = v.classRounds > 0 ? [v.classRound, v.classRounds] : [v.round, v.rounds];
    this.scenario.setText(v.scenarioId ? `${t('match.round', { round, rounds })} · ${game(`scenario.${v.scenarioId}.title`)}` : '');
    const me = v.players.get(this.session.sessionId);
    const points = me ? (v.endpoints.get(me.role)?.points ?? 0) : 0;
    this.score.setText(`${t('result.roundPoints', { points })}\n${v.mode === 'class' ? this.classRank() : t('result.total', { total: me?.total ?? 0 })}`);
    recordRound(v, this.session.sessionId);
    const mistakesHeight = this.mistakes.height;
    const explained = roundMistakesText(v, this.session.sessionId, { t, locale: locale() });
    this.mistakes.setText(explained);
    if (this.mistakes.height !== mistakesHeight) this.relayout();
    const partner = [...v.players.values()].find((p) => p.sessionId !== this.session.sessionId);
    // The links come once the round's record is stored; on a phone their row moves the ladder down.
    const linked = v.recordId !== '';
    if (this.capture.visible !== linked || this.replay.visible !== linked) {
      this.capture.setVisible(linked);
      this.replay.setVisible(linked);
      this.relayout();
    }
    this.next.setVisible(!finished || this.canPlayAgain()).setEnabled(finished ? !this.leaving : !this.readied);
    if (finished) this.next.setLabel(t('result.playAgain'));
    if (this.readied && partner && !partner.ready) this.next.setLabel(t('result.waitingPartner', { nickname: partner.nickname }));
    publish({ explanation: explained });
  }

  /** A student's place in the class, once every pair has finished the round. */
  private classRank(): string {
    const cls = this.cls;
    if (cls?.view.phase === 'playing') return t('class.rankAfterRound');
    const row = cls?.view.leaderboard.find((r) => r.studentId === cls.studentId);
    return row ? t('class.rankLine', { rank: row.rank, count: cls?.view.leaderboard.length ?? 0 }) : '';
  }

  /** A solo match this page opened can be played again at once, with the same choices. */
  private canPlayAgain(): boolean {
    return this.view.mode === 'solo' && lastSoloOptions() !== null;
  }

  private async playAgain(): Promise<void> {
    const options = lastSoloOptions();
    if (!options || this.leaving) return;
    this.leaving = true;
    this.next.setEnabled(false);
    await this.session.leave();
    const result = await openRoom(options);
    if (!result.ok) return void go(this, SCENES.Start);
    go(this, screenFor(result.session.view), { session: result.session });
  }

  private ready(): void {
    if (this.readied || this.view.phase !== 'between') return;
    this.readied = true;
    this.session.ready();
    this.showView(this.session.view);
  }

  /** The time the finished round's ladder is drawn up to. */
  private endOf(view: PairRoomView): number {
    let end = view.roundStartedAt;
    for (const s of view.segments) end = Math.max(end, s.sentAt, s.arriveAt);
    for (const s of view.stateLog) end = Math.max(end, s.at);
    return end;
  }
}
