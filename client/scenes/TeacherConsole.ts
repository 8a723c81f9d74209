import Phaser from 'phaser';
import { TEACHER_MSG, classJoinPath, classQrPath, type ClassroomView, type StudentView } from '../../shared/protocol.ts';
import { ConsoleSounds } from '../audio/consoleSounds.ts';
import type { ClassClockMoment } from '../audio/cues.ts';
import { classKeys } from '../classKeys.ts';
import { game, t } from '../i18n/text.ts';
import type { ClassSession, CommandArgs, TeacherCommand } from '../net/classSession.ts';
import { serverUrl } from '../net/lobby.ts';
import { ServerClock } from '../net/serverClock.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { ClassReview } from '../ui/ClassReview.ts';
import { ClassStandingsTable } from '../ui/ClassStandingsTable.ts';
import { CopyField } from '../ui/CopyField.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { PairTiles } from '../ui/PairTiles.ts';
import { QrImage } from '../ui/QrImage.ts';
import { RosterGrid } from '../ui/RosterGrid.ts';
import { SoundToggle } from '../ui/SoundToggle.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS, MIN_TOUCH } from '../ui/theme.ts';
import type { ClassReportData } from './ClassReport.ts';
import { reviewContent, reviewLabels, tileLabels } from './classShowTexts.ts';
import { PairWatching } from './pairWatching.ts';
import { classStatus, standingsLabels } from './classTexts.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

export interface TeacherData {
  session: ClassSession;
}

/** What the console's panel shows once the class has started (the roster aside). */
type MainPanel = 'tiles' | 'board' | 'review';

/**
 * The teacher's projector screen: the join code very large with its link and QR code, the roster
 * filling live, the round's controls; during a round every pair as a tile (one of them shown
 * large with its live ladder on demand), between rounds the podium, the chart of the class's
 * answers per step and the next round, and the live leaderboard one press away.
 */
export class TeacherConsole extends Screen {
  private session!: ClassSession;
  private view!: ClassroomView;
  private title!: Phaser.GameObjects.Text;
  private phase!: Phaser.GameObjects.Text;
  private codeText!: Phaser.GameObjects.Text;
  private joinAt!: Phaser.GameObjects.Text;
  private link!: CopyField;
  private qr!: QrImage;
  private count!: Phaser.GameObjects.Text;
  private panelTitle!: Phaser.GameObjects.Text;
  private roster!: RosterGrid;
  private standings!: ClassStandingsTable;
  private tiles!: PairTiles;
  private watching!: PairWatching;
  private review!: ClassReview;
  private board!: Button;
  private main: MainPanel = 'tiles';
  private kick!: Button;
  private start!: Button;
  private pause!: Button;
  private endRound!: Button;
  private lock!: Button;
  private settings!: Button;
  private timeButton!: Button;
  private report!: Button;
  private endClass!: Button;
  private toggle!: Button;
  private status!: Phaser.GameObjects.Text;
  private keys!: Phaser.GameObjects.Text;
  private focus!: FocusOrder;
  private soundToggle!: SoundToggle;
  private sounds!: ConsoleSounds;
  /** The class room's clock, lined up on each new `serverTime` (it changes only with the class clock). */
  private readonly serverClock = new ServerClock();
  private observedTime = 0;
  /** The count-down as the phase line last showed it. */
  private clockLabel = '';
  private picked: StudentView | null = null;
  private showRoster = false;
  private endArmed = false;
  private busy = false;

  constructor() {
    super(SCENES.TeacherConsole);
  }

  init(data: TeacherData): void {
    this.session = data.session;
  }

  create(): void {
    this.view = this.session.view;
    this.picked = null;
    this.endArmed = false;
    this.busy = false;
    this.showRoster = this.view.phase === 'lobby';
    const code = this.session.code;
    this.title = this.add.text(0, 0, t('class.console', { code }), textStyle(22, { bold: true }));
    this.phase = this.add.text(0, 0, '', textStyle(18, { colour: COLOURS.hint }));
    this.codeText = this.add.text(0, 0, code, textStyle(120, { bold: true, mono: true, colour: COLOURS.hint })).setLetterSpacing(10);
    this.joinAt = this.add.text(0, 0, t('class.joinAt'), textStyle(15, { colour: COLOURS.dim }));
    this.link = new CopyField(this, 'class-link', { copy: t('waiting.copy'), copied: t('waiting.copied') });
    this.link.setText(`${location.origin}${classJoinPath(code)}`);
    this.qr = new QrImage(this, 'class-qr', `${serverUrl()}${classQrPath(code)}`, `${location.origin}${classJoinPath(code)}`);
    this.count = this.add.text(0, 0, '', textStyle(20, { bold: true }));
    this.panelTitle = this.add.text(0, 0, '', textStyle(20, { bold: true }));
    this.roster = new RosterGrid(this, {
      away: t('class.away'), bot: t('class.bot'), more: (above, below) => t('leaderboard.scroll', { above, below }),
    }, (s) => {
      this.picked = s;
      this.refresh();
    }, () => this.refresh());
    this.standings = new ClassStandingsTable(this, standingsLabels());
    this.tiles = new PairTiles(this, tileLabels(), (tile, number) => void this.watching.show(tile, number));
    this.watching = new PairWatching(this, this.session, {
      changed: () => this.refresh(),
      moved: () => this.publishView('stage'),
      refused: (code) => {
        this.status.setText(`⚠ ${game(`error.${code}`)}`);
        this.refresh();
      },
    });
    this.review = new ClassReview(this, reviewLabels(), () => this.publishView(this.watching.active ? 'stage' : this.main));
    this.main = this.view.phase === 'review' ? 'review' : 'tiles';
    this.board = new Button(this, '', () => {
      this.main = this.nextPanel();
      this.refresh();
    });
    this.kick = new Button(this, '', () => void this.kickPicked());
    this.start = new Button(this, '', () => void this.send(TEACHER_MSG.startRound), { primary: true, fontSize: 20 });
    this.pause = new Button(this, '', () => void this.send(this.view.paused ? TEACHER_MSG.resume : TEACHER_MSG.pause));
    this.endRound = new Button(this, t('class.endRound'), () => void this.send(TEACHER_MSG.endRound));
    this.lock = new Button(this, '', () => void this.send(TEACHER_MSG.lock, { locked: !this.view.locked }));
    this.settings = new Button(this, t('class.settings'), () => go(this, SCENES.ClassSetup, { session: this.session }));
    // Who gets more time is chosen on a screen of its own, away from the class's eyes.
    this.timeButton = new Button(this, t('class.timeButton'), () => go(this, SCENES.ClassTime, { session: this.session }));
    this.report = new Button(this, t('class.report'), () => this.openReport());
    this.endClass = new Button(this, t('class.endClass'), () => void this.end());
    this.toggle = new Button(this, '', () => {
      this.showRoster = !this.showRoster;
      this.refresh();
    });
    this.status = this.add.text(0, 0, '', textStyle(16, { colour: COLOURS.hint }));
    this.keys = this.add.text(0, 0, t('class.consoleKeys'), textStyle(13, { colour: COLOURS.dim }));
    this.focus = new FocusOrder(this);
    this.soundToggle = new SoundToggle(this, 'projector');
    this.sounds = new ConsoleSounds(this, this.soundToggle);
    this.onKey('M', () => this.soundToggle.press());
    this.onKey('S', () => this.start.press());
    this.onKey('P', () => this.pause.press());
    this.onKey('E', () => this.endRound.press());
    this.onKey('L', () => this.lock.press());
    // A class larger than the screen: every name can be reached, and picked, from the keyboard too.
    this.onKey('PAGE_DOWN', () => this.roster.scroll(this.roster.page));
    this.onKey('PAGE_UP', () => this.roster.scroll(-this.roster.page));
    this.onKey('ESC', () => void this.watching.stop());
    const offView = this.session.events.on('view', (view) => this.show(view));
    const offClosed = this.session.events.on('closed', (code) => {
      this.status.setText(game(`error.${code}`));
    });
    const offReturning = this.session.events.on('returning', () => this.status.setText(t('class.returning')));
    const offReturned = this.session.events.on('returned', () => this.status.setText(''));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => { offView(); offClosed(); offReturning(); offReturned(); });
    this.startLayout();
    this.show(this.view);
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(10, Math.min(24, width * 0.015));
    const wide = width >= 900;
    const buttons = [this.start, this.pause, this.endRound, this.lock, this.settings, this.timeButton, this.report, this.endClass];
    let y = m;
    const toggleWidth = this.soundToggle.layOut(width - m, m, MIN_TOUCH, !wide);
    this.title.setPosition(m, y).setFontSize(wide ? 24 : 18);
    this.phase.setWordWrapWidth(width - 2 * m - toggleWidth - 8 - (wide ? this.title.width + 24 : 0), true).setPosition(wide ? m + this.title.width + 24 : m, wide ? y + 3 : y + this.title.height + 2);
    y = wide ? y + Math.max(this.title.height, this.phase.height, MIN_TOUCH + 6) + 8 : this.phase.y + this.phase.height + 6;

    // The controls: one row along the bottom on a wide screen, a grid of two on a phone.
    const perRow = wide ? buttons.length : 2;
    const gap = 8;
    const bh = wide ? 52 : 44;
    const bw = (width - 2 * m - gap * (perRow - 1)) / perRow;
    const keysHeight = wide ? 22 : 0;
    const controlRows = Math.ceil(buttons.length / perRow);
    const controlsTop = height - m - keysHeight - controlRows * (bh + gap) + gap;
    buttons.forEach((b, i) => b.resize(bw, bh).setPosition(m + (i % perRow) * (bw + gap) + bw / 2, controlsTop + Math.floor(i / perRow) * (bh + gap) + bh / 2));
    this.keys.setVisible(wide).setPosition(m, height - m - 16);
    this.status.setWordWrapWidth(width - 2 * m, true).setPosition(m, controlsTop - 26);
    const bottom = controlsTop - 30;

    // The join side: code, link and QR; a left column on a wide screen, a band on top on a phone.
    const joinWidth = wide ? Math.min(440, width * 0.34) : width - 2 * m;
    const lobby = this.view.phase === 'lobby';
    // On a phone the QR code (120 px) sits beside the code, so the code takes what is left.
    const codeSize = wide ? Math.min(lobby ? 140 : 96, joinWidth / 3.6) : Math.min(64, (joinWidth - 132) / 4.4);
    this.codeText.setFontSize(codeSize).setPosition(m, y - codeSize * 0.12);
    let jy = y + this.codeText.height * 0.85;
    this.joinAt.setPosition(m, jy);
    jy += 20;
    const phoneQr = Math.floor(Math.min(120, width * 0.3));
    // On a phone the link's field stops short of the QR code beside it, which reaches below the code.
    jy += this.link.layout(m, jy, wide ? joinWidth : joinWidth - phoneQr - 8, 44) + 10;
    const qrRoom = wide ? Math.min(joinWidth, bottom - jy - 40) : 0;
    const qrSize = wide ? Math.floor(Math.min(lobby ? 300 : 200, qrRoom)) : phoneQr;
    if (wide) {
      this.qr.setVisible(qrSize >= 96).setBox(m, jy, qrSize);
      if (qrSize >= 96) jy += qrSize + 10;
      this.count.setPosition(m, jy);
    } else {
      // On a phone the QR sits beside the code (the teacher's phone is rarely the projector).
      this.qr.setVisible(true).setBox(width - m - qrSize, y, qrSize);
      this.codeText.setPosition(m, y);
      this.count.setPosition(m, jy);
      jy += 30;
    }

    // The panel: roster before the first round (and on demand), the leaderboard after.
    const px = wide ? m + joinWidth + 28 : m;
    const pw = wide ? width - px - m : width - 2 * m;
    let py = wide ? y : Math.max(jy, y + qrSize + 8);
    const toggleW = Math.min(220, pw * 0.3);
    const switches = (this.toggle.visible ? 1 : 0) + (this.board.visible ? 1 : 0);
    this.panelTitle.setWordWrapWidth(Math.max(120, pw - switches * (toggleW + 8)), true).setPosition(px, py);
    this.toggle.resize(toggleW, 40).setPosition(px + pw - toggleW / 2, py + 14);
    this.board.resize(toggleW, 40).setPosition(px + pw - toggleW * 1.5 - 8, py + 14);
    py += this.watching.stage.visible ? 0 : Math.max(36, this.panelTitle.height + 6);
    const panelHeight = Math.max(80, bottom - py - (this.showRoster ? 52 : 0));
    this.roster.setPosition(px, py).resize(pw, panelHeight);
    this.standings.setPosition(px, py).resize(pw, panelHeight);
    this.tiles.setPosition(px, py).resize(pw, panelHeight);
    this.watching.stage.setPosition(px, py).resize(pw, panelHeight);
    this.review.setPosition(px, py).resize(pw, panelHeight);
    this.kick.resize(Math.min(320, pw), 44).setPosition(px + Math.min(320, pw) / 2, py + panelHeight + 26);
    this.publishTargets({ start: this.start, pause: this.pause, endRound: this.endRound, lock: this.lock, settings: this.settings, time: this.timeButton,
      report: this.report, endClass: this.endClass, kick: this.kick, toggle: this.toggle, board: this.board, sound: this.soundToggle,
      ...(this.watching.stage.visible ? { back: this.watching.stage.back, hideNames: this.watching.stage.names } : {}),
      ...Object.fromEntries(this.roster.items.map((b, i) => [`student.${i}`, b])),
      ...Object.fromEntries((this.tiles.visible ? this.tiles.items : []).map((b, i) => [`tile.${i}`, b])) });
  }

  private show(view: ClassroomView): void {
    const before = this.view;
    this.view = view;
    this.sounds.follow(view);
    if (view.serverTime !== this.observedTime) {
      this.observedTime = view.serverTime;
      // The class room's clock runs through a pause (classClockMoment reads the pause from serverTime).
      this.serverClock.observe({ serverTime: view.serverTime });
    }
    if (before.phase === 'lobby' && view.phase !== 'lobby') this.showRoster = false;
    // A new round starts on its tiles, a finished one on its review; the pair shown large belongs to its round.
    if (before.phase !== view.phase && view.phase === 'playing') this.main = 'tiles';
    if (before.phase !== view.phase && view.phase === 'review') this.main = 'review';
    if (before.round !== view.round) void this.watching.stop();
    if (before.phase !== 'ended' && view.phase === 'ended') return this.openReport();
    this.refresh();
  }

  /** Brings every label and panel in line with the class's state. */
  private refresh(): void {
    const v = this.view;
    const students = [...v.students.values()];
    const online = students.filter((s) => s.connected).length;
    this.phase.setText(this.phaseLine());
    this.count.setText(`${t('class.students', { count: students.length })}${students.length ? ` · ${t('class.studentsHere', { online, count: students.length })}` : ''}${v.locked ? `\n${t('class.locked')}` : ''}`);
    const playing = v.phase === 'playing';
    const ended = v.phase === 'ended';
    const roundsLeft = v.round < v.settings.rounds;
    this.start.setLabel(v.round === 0 ? t('class.startRound') : t('class.nextRound')).setEnabled(!playing && !ended && roundsLeft && online > 0 && !this.busy);
    this.pause.setLabel(v.paused ? t('class.resumeRound') : t('class.pause')).setEnabled(playing);
    this.endRound.setEnabled(playing);
    this.lock.setLabel(v.locked ? t('class.unlock') : t('class.lock')).setEnabled(!ended);
    this.settings.setEnabled(!ended);
    this.endClass.setLabel(this.endArmed ? t('class.endConfirm') : t('class.endClass'));
    const roster = this.showRoster || v.phase === 'lobby';
    const panel = roster ? 'roster' : this.watching.active ? 'stage' : v.phase === 'ended' ? 'board' : this.main;
    this.toggle.setVisible(v.phase !== 'lobby' && panel !== 'stage')
      .setLabel(roster ? this.panelName(this.main) : `☰ ${t('class.students', { count: students.length })}`);
    this.board.setVisible(!roster && panel !== 'stage' && (v.phase === 'playing' || v.phase === 'review')).setLabel(this.panelName(this.nextPanel()));
    const titles: Record<typeof panel, string> = {
      roster: students.length ? t('class.pick') : t('class.noStudents'), board: `♛ ${t('class.leaderboard')}`, tiles: t('show.tilesTitle'),
      review: t('show.review'), stage: '',
    };
    this.panelTitle.setText(titles[panel]).setVisible(panel !== 'stage');
    this.panelTitle.setFontSize(roster ? 16 : 20).setColor(roster ? '#9fb0c4' : '#f2f5f8');
    this.roster.setVisible(panel === 'roster').setStudents(students);
    this.standings.setVisible(panel === 'board').setRows(v.liveLeaderboard);
    this.tiles.setVisible(panel === 'tiles').setHideNames(this.watching.namesHidden).setTiles(v.tiles);
    this.watching.stage.setVisible(panel === 'stage');
    this.review.setVisible(panel === 'review').setContent(reviewContent(v, true));
    this.kick.setVisible(roster && this.picked !== null).setLabel(t('class.kick', { nickname: this.picked?.nickname ?? '' }));
    const panelItems = panel === 'tiles' ? this.tiles.items : panel === 'stage' ? [this.watching.stage.back, this.watching.stage.names] : this.roster.items;
    this.focus.setItems([...panelItems, this.kick, this.board, this.toggle, this.start, this.pause, this.endRound, this.lock, this.settings, this.timeButton, this.report, this.endClass, this.soundToggle]);
    this.layout(this.viewWidth, this.viewHeight);
    this.publishView(panel);
  }

  private publishView(panel: string): void {
    const v = this.view;
    const students = [...v.students.values()];
    publish({ classroom: { phase: v.phase, round: v.round, paused: v.paused, locked: v.locked, students: students.map((s) => s.nickname).sort(),
      roster: this.roster.visible ? this.roster.shownNames : [], settings: { playlist: [...v.settings.playlist], rounds: v.settings.rounds },
      leaderboard: v.liveLeaderboard.map((r) => r.nickname), panel,
      tiles: v.tiles.map(({ client, server, clientState, serverState, right, progress, status, stuck, struggling }) =>
        ({ client, server, clientState, serverState, right, progress, status, stuck, struggling })),
      watching: { pairCode: this.watching.pairCode, segments: this.watching.segments, namesHidden: this.watching.namesHidden },
      podium: this.review.podium.names, podiumRisen: this.review.podium.risen, steps: v.steps.map((s) => s.skill), next: v.nextScenarioId } });
  }

  override update(): void {
    this.watching.tick();
    const moment = this.sounds.tick(this.view, this.serverClock.now() || this.view.serverTime);
    const label = clockLabel(moment);
    if (label === this.clockLabel) return;
    this.clockLabel = label;
    const height = this.phase.height;
    this.phase.setText(this.phaseLine());
    if (this.phase.height !== height) this.layout(this.viewWidth, this.viewHeight);
    publish({ classClock: label });
  }

  /** The class's phase and, in a round, the class clock's count-down: on screen, whatever the sound. */
  private phaseLine(): string {
    return this.clockLabel ? `${classStatus(this.view)} · ${this.clockLabel}` : classStatus(this.view);
  }

  /** The panel the board button goes to from the one shown: tiles and leaderboard in a round, and the review after it. */
  private nextPanel(): MainPanel {
    const order: MainPanel[] = this.view.phase === 'review' ? ['review', 'tiles', 'board'] : ['tiles', 'board'];
    return order[(order.indexOf(this.main) + 1) % order.length] ?? 'tiles';
  }

  private panelName(panel: MainPanel): string {
    return panel === 'tiles' ? t('show.pairs') : panel === 'review' ? t('show.review') : `♛ ${t('class.leaderboard')}`;
  }

  private async send<K extends TeacherCommand>(type: K, ...payload: CommandArgs<K>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const refused = await this.session.command(type, ...payload);
    this.busy = false;
    if (!this.scene.isActive()) return;
    this.status.setText(refused ? `⚠ ${game(`error.${refused}`)}` : '');
    this.refresh();
  }

  private async kickPicked(): Promise<void> {
    const student = this.picked;
    if (!student) return;
    this.picked = null;
    await this.send(TEACHER_MSG.kick, { studentId: student.id });
  }

  private async end(): Promise<void> {
    if (!this.endArmed) {
      this.endArmed = true;
      this.refresh();
      this.time.delayedCall(4000, () => {
        this.endArmed = false;
        if (this.scene.isActive()) this.refresh();
      });
      return;
    }
    this.endArmed = false;
    await this.send(TEACHER_MSG.endClass);
  }

  private openReport(): void {
    const data: ClassReportData = { code: this.session.code, secret: classKeys.teacherSecret(this.session.code) ?? '', session: this.session };
    go(this, SCENES.ClassReport, data);
  }
}

/** The count-down's text: the get-ready's seconds, then the round's time left; '' outside a round's clock. */
function clockLabel(m: ClassClockMoment): string {
  if (m.readySeconds !== null) return t('class.clockGetReady', { seconds: m.readySeconds });
  return m.secondsLeft !== null ? t('class.clockLeft', { seconds: m.secondsLeft }) : '';
}
