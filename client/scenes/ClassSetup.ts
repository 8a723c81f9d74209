import type Phaser from 'phaser';
import { RANKINGS, type Ranking } from '../../shared/classroom/standings.ts';
import { DIFFICULTIES, SPEEDS, type Difficulty, type Speed } from '../../shared/match/settings.ts';
import { TEACHER_MSG, type ClassSettings } from '../../shared/protocol.ts';
import { SCENARIO_IDS } from '../../shared/scenarios/scenario.ts';
import { game, t } from '../i18n/text.ts';
import type { ClassSession } from '../net/classSession.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceRow } from '../ui/ChoiceRow.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { aboutScenario, ScenarioGrid } from '../ui/ScenarioGrid.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

const LOSS_RATES = ['0', '0.05', '0.1', '0.2'] as const;
const ROUND_SECONDS = ['0', '60', '120', '180', '300'] as const;
/** 'once': as many rounds as scenarios chosen, each played once, whatever their number. */
const ROUNDS = ['once', '1', '2', '3', '4', '6', '8', '10'] as const;
const ROUND_COUNTS = ROUNDS.filter((r) => r !== 'once');

/** The nearest offered value, so a class made elsewhere still shows a choice. */
function nearest<T extends string>(values: readonly T[], value: number): T {
  return values.reduce((best, v) => (Math.abs(Number(v) - value) < Math.abs(Number(best) - value) ? v : best), values[0]!);
}

/** The teacher's settings of the class: scenarios in order, rounds, difficulty, speed, loss, round length, what the leaderboard ranks by. */
export class ClassSetup extends Screen {
  private session!: ClassSession;
  private title!: Phaser.GameObjects.Text;
  private note!: Phaser.GameObjects.Text;
  private playlistTitle!: Phaser.GameObjects.Text;
  private scenarios!: ScenarioGrid;
  /** What the scenario tapped last is about, as in the players' picker. */
  private about!: Phaser.GameObjects.Text;
  private rounds!: ChoiceRow<(typeof ROUNDS)[number]>;
  private difficulty!: ChoiceRow<Difficulty>;
  private speed!: ChoiceRow<Speed>;
  private loss!: ChoiceRow<(typeof LOSS_RATES)[number]>;
  private length!: ChoiceRow<(typeof ROUND_SECONDS)[number]>;
  private rankBy!: ChoiceRow<Ranking>;
  private save!: Button;
  private cancel!: Button;
  private status!: Phaser.GameObjects.Text;

  constructor() {
    super(SCENES.ClassSetup);
  }

  init(data: { session: ClassSession }): void {
    this.session = data.session;
  }

  create(): void {
    const s = this.session.view.settings;
    this.title = this.add.text(0, 0, t('class.settingsTitle'), textStyle(26, { bold: true }));
    this.note = this.add.text(0, 0, t('class.settingsNote'), textStyle(14, { colour: COLOURS.dim }));
    this.playlistTitle = this.add.text(0, 0, t('class.playlist'), textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.scenarios = new ScenarioGrid(this, s.playlist, (id) => {
      this.about.setText(aboutScenario(id));
      this.relayout();
    });
    this.about = this.add.text(0, 0, '', textStyle(14));
    const once = s.rounds === s.playlist.length;
    this.rounds = new ChoiceRow(this, t('class.rounds'), ROUNDS, (r) => (r === 'once' ? t('class.roundsOnce') : r),
      once ? 'once' : nearest(ROUND_COUNTS, s.rounds), () => '', () => undefined);
    this.difficulty = new ChoiceRow(this, t('start.difficulty'), DIFFICULTIES, (d) => t(`difficulty.${d}`), s.difficulty, (d) => t(`difficulty.${d}Help`), () => undefined);
    this.speed = new ChoiceRow(this, t('start.speed'), SPEEDS, (v) => t(`speed.${v}`), s.speed, () => '', () => undefined);
    this.loss = new ChoiceRow(this, t('class.loss'), LOSS_RATES, (l) => t('class.percent', { value: Math.round(Number(l) * 100) }), nearest(LOSS_RATES, s.lossRate), () => '', () => undefined);
    this.length = new ChoiceRow(this, t('class.roundLength'), ROUND_SECONDS, (r) => (r === '0' ? t('class.scenarioTime') : t('class.seconds', { seconds: r })),
      nearest(ROUND_SECONDS, s.roundSeconds), () => '', () => undefined);
    this.rankBy = new ChoiceRow(this, t('class.rankBy'), RANKINGS, (r) => t(`class.rankBy.${r}`), s.rankBy, (r) => t(`class.rankBy.${r}Help`), () => undefined);
    this.save = new Button(this, t('class.save'), () => void this.submit(), { primary: true, fontSize: 20 });
    this.cancel = new Button(this, t('class.cancel'), () => this.back());
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.hint }));
    new FocusOrder(this).setItems([...this.scenarios.buttons, ...this.rounds.buttons, ...this.difficulty.buttons, ...this.speed.buttons,
      ...this.loss.buttons, ...this.length.buttons, ...this.rankBy.buttons, this.save, this.cancel]);
    this.onKey('ESC', () => this.back());
    this.startLayout();
  }

  protected layout(width: number, _height: number): void {
    const column = Math.min(1100, width - 24);
    const x = (width - column) / 2;
    const compact = this.spacingHeight < 800 || width < 520;
    const bh = compact ? 44 : 48;
    let y = 10;
    this.title.setPosition(x, y).setFontSize(compact ? 22 : 28);
    y += this.title.height;
    this.note.setPosition(x, y);
    y += this.note.height + 6;
    this.playlistTitle.setPosition(x, y);
    y += 22;
    y += this.scenarios.layout(x, y, column, width >= 900 ? 4 : width >= 520 ? 3 : 2, bh) + 6;
    this.about.setWordWrapWidth(column, true).setPosition(x, y);
    if (this.about.text) y += this.about.height + 6;
    y += 4;
    const rows = [this.rounds, this.difficulty, this.speed, this.loss, this.length, this.rankBy];
    if (width >= 900) {
      const half = (column - 16) / 2;
      let left = y;
      let right = y;
      rows.forEach((row, i) => {
        if (i % 2 === 0) left += row.setPosition(x, left).layout(half, bh) + 6;
        else right += row.setPosition(x + half + 16, right).layout(half, bh) + 6;
      });
      y = Math.max(left, right);
    } else for (const row of rows) y += row.setPosition(x, y).layout(column, bh) + 4;
    const half = Math.min(260, (column - 8) / 2);
    this.save.resize(half, 52).setPosition(x + half / 2, y + 26);
    this.cancel.resize(half, 52).setPosition(x + half + 8 + half / 2, y + 26);
    this.status.setWordWrapWidth(column, true).setPosition(x, y + 60);
    this.publishTargets({ save: this.save, cancel: this.cancel,
      ...Object.fromEntries(SCENARIO_IDS.map((id, i) => [`scenario.${id}`, this.scenarios.buttons[i]!])),
      ...Object.fromEntries(ROUNDS.map((r, i) => [`rounds.${r}`, this.rounds.buttons[i]!])) });
    this.fitHeight(y + 60 + 24);
  }

  private async submit(): Promise<void> {
    if (this.scenarios.chosen.length === 0) return void this.status.setText(t('scenarios.needOne'));
    const settings: ClassSettings = {
      playlist: this.scenarios.chosen,
      rounds: this.rounds.value === 'once' ? this.scenarios.chosen.length : Number(this.rounds.value), difficulty: this.difficulty.value, speed: this.speed.value,
      lossRate: Number(this.loss.value), roundSeconds: Number(this.length.value), rankBy: this.rankBy.value,
    };
    const refused = await this.session.command(TEACHER_MSG.settings, settings);
    if (refused) return void this.status.setText(`⚠ ${game(`error.${refused}`)}`);
    this.back();
  }

  private back(): void {
    go(this, SCENES.TeacherConsole, { session: this.session });
  }
}
