import type Phaser from 'phaser';
import { captureLadder, type CaptureLadder } from '../../shared/capture/captureLadder.ts';
import { peerOf } from '../../shared/match/cards.ts';
import { explainMove, movePlayed } from '../../shared/i18n/moveText.ts';
import { toMoveView } from '../../shared/match/moveView.ts';
import { CaptureFileInput, type CaptureFileResult, type OpenedCaptureFile } from '../captureFiles.ts';
import { game, labelled, locale, t } from '../i18n/text.ts';
import { fetchRoundRecord } from '../net/roundRecords.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { CaptureButton } from '../ui/CaptureButton.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { Ladder } from '../ui/Ladder.ts';
import { happenedAt, replaySteps, replayViewAt, type LadderPayload, type ReplayLine } from '../ui/replayTimeline.ts';
import { StepSlider } from '../ui/StepSlider.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { Screen } from './Screen.ts';
import { captureStatus, captureStepText } from './captureReplayTexts.ts';
import { go, SCENES } from './scenes.ts';

/** A stored round by its link (/replay/ID), or a real capture the player opened. */
export type ReplayData =
  | {
    readonly id: string;
    /** The class a class round belongs to, from the link: it says which key or token to send. */
    readonly classCode: string | null;
  }
  | { readonly capture: OpenedCaptureFile };

/** One explanation line in the player's language. */
function lineText(line: ReplayLine): string {
  const role = (r: 'client' | 'server') => `${r === 'client' ? '●' : '■'} ${t(`role.${r}`)}`;
  switch (line.kind) {
    case 'move': {
      const m = toMoveView(line.move);
      // A stale card was not sent and cost nothing: neither right nor wrong.
      const mark = m.verdict === 'correct' ? '✓' : m.verdict === 'stale' ? '↺' : '✗';
      return `${mark} ${role(m.role)} · ${m.state} · ${labelled(movePlayed(m, locale()), explainMove(m, locale()))}`;
    }
    case 'sent':
      return `→ ${role(line.segment.from)} · ${line.segment.card} seq=${line.segment.seq}`;
    case 'lost':
      return `✗ ${line.segment.card} ${t('match.lost')}`;
    case 'arrived': {
      const arrived = `${line.segment.status === 'discarded' ? '⊘' : '↘'} ${role(peerOf(line.segment.from))} ← ${line.segment.card}`;
      return line.segment.why ? labelled(arrived, game(line.segment.why)) : arrived;
    }
    case 'state':
      return `${role(line.role)} → ${line.state}`;
  }
}

/**
 * A ladder step by step: a finished round (/replay/ID), or a real capture judged by the TCP machine
 * (one connection at a time). The ladder up to the step, what happened there, ← → and a slider.
 */
export class Replay extends Screen {
  private entry!: ReplayData;
  private payload: LadderPayload | null = null;
  /** The capture's connection shown, when the replay is of a capture. */
  private judged: CaptureLadder | null = null;
  private connection = 0;
  private steps: number[] = [];
  private step = 0;
  private title!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private ladder!: Ladder;
  private explanation!: Phaser.GameObjects.Text;
  private slider!: StepSlider;
  private previous!: Button;
  private following!: Button;
  private capture!: CaptureButton;
  private nextConnection!: Button;
  private openAnother!: Button;
  private home!: Button;

  constructor() {
    super(SCENES.Replay);
  }

  init(data: ReplayData): void {
    this.entry = data;
    this.payload = null;
    this.judged = null;
    this.connection = 0;
    this.steps = [];
    this.step = 0;
  }

  private get file(): OpenedCaptureFile | null {
    return 'capture' in this.entry ? this.entry.capture : null;
  }

  create(): void {
    this.title = this.add.text(0, 0, t('replay.title'), textStyle(24, { bold: true }));
    this.status = this.add.text(0, 0, t('replay.loading'), textStyle(15, { colour: COLOURS.dim }));
    this.ladder = new Ladder(this, { roles: { client: t('role.client'), server: t('role.server') }, lost: t('match.lost'), missed: t('match.missed') });
    this.explanation = this.add.text(0, 0, '', textStyle(15, { wrap: 400 }));
    this.slider = new StepSlider(this, (step) => this.go(step));
    this.previous = new Button(this, '◀', () => this.go(this.step - 1));
    this.following = new Button(this, '▶', () => this.go(this.step + 1), { primary: true });
    const entry = this.entry;
    this.capture = new CaptureButton(this, () => ({ recordId: this.payload?.id ?? '', classCode: 'classCode' in entry ? entry.classCode : null }));
    const files = new CaptureFileInput(this, (result) => this.openFile(result));
    this.nextConnection = new Button(this, t('capture.next'), () => this.showConnection(this.connection + 1), { fontSize: 16 });
    this.openAnother = new Button(this, t('capture.openAnother'), () => files.choose(), { fontSize: 16 });
    this.home = new Button(this, t('class.home'), () => this.leave(), { fontSize: 16 });
    new FocusOrder(this).setItems([this.following, this.previous, this.capture, this.nextConnection, this.openAnother, this.home]);
    this.onKey('LEFT', () => this.go(this.step - 1));
    this.onKey('RIGHT', () => this.go(this.step + 1));
    this.onKey('HOME', () => this.go(0));
    this.onKey('END', () => this.go(this.steps.length - 1));
    this.onKey('W', () => this.file || this.capture.press());
    this.onKey('N', () => this.file && this.showConnection(this.connection + 1));
    this.onKey('O', () => this.file && files.choose());
    this.onKey('ESC', () => this.leave());
    publish({ replay: null });
    this.showControls(false);
    this.startLayout();
    if (this.file) this.showConnection(0);
    else void this.fetchRound();
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(10, Math.min(28, width * 0.02));
    const wide = width >= 900 && width > height;
    this.title.setFontSize(width < 520 ? 20 : 26).setWordWrapWidth(width - 2 * m, true).setPosition(m, m);
    let y = m + this.title.height + 4;
    this.status.setWordWrapWidth(width - 2 * m, true).setPosition(m, y);
    y += this.status.height + 10;
    const controls = 56;
    const buttonsHeight = 48;
    const column = wide ? Math.min(560, width * 0.38) : width - 2 * m;
    const ladderWidth = wide ? width - column - 3 * m : width - 2 * m;
    const explanationHeight = wide ? 0 : Math.max(110, this.explanation.height + 8);
    const ladderHeight = Math.max(200, height - y - m - controls - buttonsHeight - 10 - explanationHeight);
    this.ladder.setPosition(m, y).resize(ladderWidth, ladderHeight);
    const sliderY = y + ladderHeight + controls / 2;
    this.previous.resize(52, 48).setPosition(m + 26, sliderY);
    this.following.resize(52, 48).setPosition(m + ladderWidth - 26, sliderY);
    this.slider.resize(Math.max(60, ladderWidth - 2 * 52 - 40)).setPosition(m + ladderWidth / 2, sliderY);
    const buttonsY = wide ? height - m - buttonsHeight / 2 : sliderY + controls / 2 + 6 + buttonsHeight / 2;
    const bx = wide ? width - column - m : m;
    const row = [this.capture, this.nextConnection, this.openAnother, this.home].filter((b) => b.visible);
    const bw = Math.min(240, (column - 10 * (row.length - 1)) / row.length);
    row.forEach((b, i) => b.resize(bw, buttonsHeight).setPosition(bx + i * (bw + 10) + bw / 2, buttonsY));
    if (wide) this.explanation.setWordWrapWidth(column, true).setPosition(width - column - m, y);
    else this.explanation.setWordWrapWidth(width - 2 * m, true).setPosition(m, buttonsY + buttonsHeight / 2 + 8);
    this.publishTargets({
      previous: this.previous, next: this.following, capture: this.capture, home: this.home, slider: this.slider,
      nextConnection: this.nextConnection, openAnother: this.openAnother,
    });
  }

  override update(): void {
    if (this.payload) this.ladder.show(replayViewAt(this.payload, this.steps[this.step]!), this.steps[this.step]!, false);
  }

  private async fetchRound(): Promise<void> {
    const entry = this.entry;
    if ('capture' in entry) return;
    const got = await fetchRoundRecord(entry.id, entry.classCode);
    if (!this.scene.isActive()) return;
    if (!got.ok) {
      this.status.setText(`⚠ ${t('replay.failed')} ${got.failure === 'unreachable' ? t('start.unreachable') : game(`error.${got.failure}`)}`);
      publish({ replay: { step: 0, steps: 0, lines: [], failure: got.failure } });
      return this.relayout();
    }
    this.payload = got.value;
    this.steps = replaySteps(got.value);
    const r = got.value.record;
    const names = (['client', 'server'] as const).map((role) => labelled(t(`role.${role}`), r.nicknames[role] || t('waiting.bot'))).join(' · ');
    this.title.setText(`${t('replay.title')} · ${game(`scenario.${r.scenarioId}.title`)}`);
    this.status.setText(`${names} · ${r.status === 'won' ? t('result.won') : t('result.timeUp')}\n${t('replay.keys')}`);
    this.showControls(true);
    this.go(0);
  }

  /** Shows connection `index` of the capture (wrapping round), judged by the TCP machine. */
  private showConnection(index: number): void {
    const file = this.file;
    if (!file) return;
    this.connection = index % file.connections.length;
    const judged = captureLadder(file.connections[this.connection]!);
    this.judged = judged;
    this.payload = { id: '', mode: 'capture', roundNo: this.connection + 1, record: judged.record };
    this.steps = replaySteps(this.payload);
    this.title.setText(`${t('capture.title')} · ${file.name}`);
    this.status.setText(captureStatus(judged, this.connection, file.connections.length));
    const last = judged.after.at(-1) ?? judged.start;
    publish({ capture: {
      error: '', file: file.name, connection: this.connection, connections: file.connections.length, refused: judged.refused, ...last,
    } });
    this.showControls(true);
    this.go(0);
  }

  /** Another file opened from here: its ladder, or why not in the status line. */
  private openFile(result: CaptureFileResult): void {
    if (result.ok) return void this.scene.restart({ capture: result.file } satisfies ReplayData);
    this.status.setText(`✗ ${game(`capture.error.${result.code}`)}`);
    publish({ capture: { error: result.code, file: '', connection: 0, connections: 0, refused: 0, client: '', server: '' } });
    this.relayout();
  }

  private go(step: number): void {
    if (!this.payload || this.steps.length === 0) return;
    this.step = Math.max(0, Math.min(this.steps.length - 1, step));
    const at = this.steps[this.step]!;
    const lines = happenedAt(this.payload, at).map(lineText);
    const seconds = ((at - this.payload.record.startedAt) / 1000).toFixed(1);
    const where = this.judged
      ? captureStepText(this.judged, at, this.step, this.steps.length)
      : t('replay.step', { step: this.step + 1, steps: this.steps.length, seconds });
    this.explanation.setText(`${where}\n${lines.join('\n')}`);
    this.slider.set(this.step, this.steps.length);
    this.previous.setEnabled(this.step > 0);
    this.following.setEnabled(this.step < this.steps.length - 1);
    publish({ replay: { step: this.step, steps: this.steps.length, lines, failure: '' } });
    this.relayout();
  }

  private showControls(visible: boolean): void {
    const file = this.file;
    for (const o of [this.slider, this.previous, this.following]) o.setVisible(visible);
    // A capture has no stored round to download; it may hold several connections to go through.
    this.capture.setVisible(visible && !file);
    this.nextConnection.setVisible(visible && (file?.connections.length ?? 0) > 1);
    this.openAnother.setVisible(file !== null);
  }

  private leave(): void {
    history.replaceState(null, '', '/');
    go(this, SCENES.Start);
  }
}
