import Phaser from 'phaser';
import type { ClassroomView } from '../../shared/protocol.ts';
import { t } from '../i18n/text.ts';
import type { ClassSession } from '../net/classSession.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { ClassReview } from '../ui/ClassReview.ts';
import { ClassStandingsTable, accuracyText } from '../ui/ClassStandingsTable.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { SoundToggle } from '../ui/SoundToggle.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { nextRoundLines, reviewContent, reviewLabels } from './classShowTexts.ts';
import { classStatus, standingsLabels } from './classTexts.ts';
import { Screen } from './Screen.ts';
import { followClassWhileShown } from './classFlow.ts';
import { go, SCENES, type SceneData } from './scenes.ts';

/**
 * A student between rounds: their name, what the class is doing, how many are here, and once a
 * round has been played their points and rank, the podium, the chart of the class's answers per
 * step, the next round's scenario and the class's leaderboard. The round's seat moves them on by
 * itself (classFlow.ts).
 */
export class ClassLobby extends Screen {
  private session!: ClassSession;
  private title!: Phaser.GameObjects.Text;
  private you!: Phaser.GameObjects.Text;
  private message!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private mine!: Phaser.GameObjects.Text;
  private standings!: ClassStandingsTable;
  private review!: ClassReview;
  /** A round has been played: the leaderboard is shown where it fits. */
  private tableWanted = false;
  private leave!: Button;
  private soundToggle!: SoundToggle;

  constructor() {
    super(SCENES.ClassLobby);
  }

  init(data: SceneData[typeof SCENES.ClassLobby]): void {
    this.session = data.cls;
  }

  create(): void {
    const session = this.session;
    if (session.member.teacher) {
      go(this, SCENES.ClassJoin);
      return;
    }
    this.title = this.add.text(0, 0, t('class.lobbyTitle', { code: session.code }), textStyle(18, { colour: COLOURS.dim }));
    this.you = this.add.text(0, 0, t('class.you', { nickname: session.member.nickname }), textStyle(30, { bold: true }));
    this.message = this.add.text(0, 0, '', textStyle(20, { colour: COLOURS.hint }));
    this.status = this.add.text(0, 0, '', textStyle(16, { colour: COLOURS.dim }));
    this.mine = this.add.text(0, 0, '', textStyle(22, { bold: true }));
    this.standings = new ClassStandingsTable(this, standingsLabels());
    this.review = new ClassReview(this, reviewLabels(), () => this.show(this.session.view));
    this.leave = new Button(this, t('class.leave'), () => void this.session.leave().then(() => {
      history.replaceState(null, '', '/');
      go(this, SCENES.Start);
    }));
    // Silent by default: thirty phones in one room; the student may turn it on.
    this.soundToggle = new SoundToggle(this, 'classPhone');
    new FocusOrder(this).setItems([this.leave, this.soundToggle]);
    const off = [
      session.events.on('view', (view) => this.show(view)),
      // Until the class is back, its next view replacing this.
      session.events.on('returning', () => this.message.setText(t('class.returning'))),
    ];
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => off.forEach((remove) => remove()));
    followClassWhileShown(this, session);
    this.startLayout();
    this.show(session.view);
  }

  protected layout(width: number, height: number): void {
    const column = Math.min(900, width - 24);
    const x = (width - column) / 2;
    let y = Math.max(12, Math.min(40, height * 0.04));
    this.title.setPosition(x, y);
    const toggleHeight = 44;
    this.soundToggle.layOut(x + column, y, toggleHeight, false);
    y += Math.max(this.title.height + 4, toggleHeight + 6);
    this.you.setWordWrapWidth(column, true).setFontSize(width < 520 ? 26 : 34).setPosition(x, y);
    y += this.you.height + 12;
    this.message.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.message.height + 8;
    // On a phone between rounds the review needs the room more than the class's status line does.
    this.status.setVisible(!(this.review.visible && width < 760)).setWordWrapWidth(column, true).setPosition(x, y);
    if (this.status.visible) y += this.status.height + 12;
    this.mine.setWordWrapWidth(column, true).setPosition(x, y);
    if (this.mine.text) y += this.mine.height + 12;
    const leaveTop = height - 12 - 48;
    this.standings.setVisible(this.tableWanted);
    if (this.review.visible) {
      // The review first; the student's own rank is the line above it.
      // The leaderboard stays below only where it still shows a few rows beside a roomy review.
      const room = leaveTop - 12 - y;
      const withTable = column >= 760 && room >= 560;
      const reviewHeight = withTable ? Math.min(420, room - 212) : Math.min(room, 520);
      this.standings.setVisible(this.tableWanted && withTable);
      this.review.setPosition(x, y).resize(column, reviewHeight);
      y += reviewHeight + 12;
    }
    this.standings.setPosition(x, y).resize(column, Math.max(60, leaveTop - 12 - y));
    const lw = Math.min(260, column);
    this.leave.resize(lw, 48).setPosition(x + lw / 2, leaveTop + 24);
    this.publishTargets({ leave: this.leave, sound: this.soundToggle });
  }

  private show(view: ClassroomView): void {
    const me = this.session.studentId;
    const student = view.students.get(me);
    this.message.setText(this.messageFor(view, Boolean(student?.pairCode)));
    const coming = view.phase === 'lobby' ? nextRoundLines(view) : [];
    this.status.setText([classStatus(view), t('class.here', { count: [...view.students.values()].filter((s) => s.connected).length }), ...coming].join('\n'));
    this.review.setVisible(view.phase === 'review').setContent(reviewContent(view, false));
    const row = view.leaderboard.find((r) => r.studentId === me);
    // The standings are those of finished rounds; while one is played they wait for its end.
    const finished = view.phase === 'playing' ? view.round - 1 : view.round;
    const mine = finished > 0 && row
      ? `${t('class.yourRank', { rank: row.rank, count: view.leaderboard.length })} · ${t('class.yourPoints', { points: row.points })} · ${t('class.yourAccuracy', { accuracy: accuracyText(row, standingsLabels()) })}`
      : '';
    this.mine.setText(view.phase === 'playing' && view.round > 0 ? [t('class.rankAfterRound'), mine].filter(Boolean).join('\n') : mine);
    this.tableWanted = finished > 0;
    this.standings.setRows(view.leaderboard, me);
    this.layout(this.viewWidth, this.viewHeight);
    publish({ classroom: { phase: view.phase, round: view.round, paused: view.paused, locked: view.locked,
      students: [...view.students.values()].map((s) => s.nickname).sort(), leaderboard: view.leaderboard.map((r) => r.nickname),
      podium: this.review.visible ? this.review.podium.names : [], podiumRisen: this.review.podium.risen, steps: view.steps.map((s) => s.skill), next: view.nextScenarioId } });
  }

  private messageFor(view: ClassroomView, seated: boolean): string {
    switch (view.phase) {
      case 'lobby':
        return t('class.waitStart');
      case 'playing':
        if (view.paused) return `‖ ${t('class.pausedLobby')}`;
        return seated ? t('class.seating') : t('class.roundOn', { round: view.round });
      case 'review':
        return t('class.waitNext');
      case 'ended':
        return t('class.ended');
    }
  }
}
