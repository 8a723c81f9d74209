import type Phaser from 'phaser';
import { DEFAULT_PLAYLIST, SCENARIO_IDS, type ScenarioId } from '../../shared/scenarios/scenario.ts';
import { forgetAddressPlaylist, playlistFromAddress } from '../addressPlaylist.ts';
import { t } from '../i18n/text.ts';
import { loadPreferences, savePreferences } from '../preferences.ts';
import { loadProgress } from '../progress.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { aboutScenario, ScenarioGrid } from '../ui/ScenarioGrid.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

/**
 * The playlist of a private or solo match, chosen from the whole catalogue: a learner can go
 * straight to the lost FIN or the simultaneous open. Kept with the Start screen's preferences.
 */
export class ScenarioPicker extends Screen {
  private title!: Phaser.GameObjects.Text;
  private note!: Phaser.GameObjects.Text;
  private grid!: ScenarioGrid;
  /** What the scenario tapped last is about, so a title like "Old duplicate SYN" is not a riddle. */
  private about!: Phaser.GameObjects.Text;
  private done!: Button;
  private all!: Button;
  private basics!: Button;
  private clear!: Button;
  private status!: Phaser.GameObjects.Text;
  private mastered: ReadonlySet<ScenarioId> = new Set();

  constructor() {
    super(SCENES.ScenarioPicker);
  }

  create(): void {
    const chosen = playlistFromAddress().playlist ?? loadPreferences().scenarios;
    const mastered = (this.mastered = loadProgress());
    this.title = this.add.text(0, 0, t('scenarios.title'), textStyle(26, { bold: true }));
    this.note = this.add.text(0, 0, `${t('scenarios.note')}${mastered.size > 0 ? ` ${t('scenarios.masteredNote')}` : ''}`,
      textStyle(14, { colour: COLOURS.dim }));
    this.grid = new ScenarioGrid(this, chosen, (id) => {
      this.describe(id);
      this.status.setText('');
      this.publishChoice();
    }, mastered);
    this.about = this.add.text(0, 0, '', textStyle(15));
    this.done = new Button(this, t('scenarios.done'), () => this.submit(), { primary: true, fontSize: 20 });
    this.all = new Button(this, t('scenarios.all', { count: SCENARIO_IDS.length }), () => this.choose(SCENARIO_IDS));
    this.basics = new Button(this, t('scenarios.basics'), () => this.choose(DEFAULT_PLAYLIST));
    this.clear = new Button(this, t('scenarios.clear'), () => this.choose([]));
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.hint }));
    new FocusOrder(this).setItems([...this.grid.buttons, this.clear, this.all, this.basics, this.done]);
    this.onKey('ESC', () => go(this, SCENES.Start));
    this.startLayout();
    this.describe(chosen[0]);
    this.publishChoice();
  }

  protected layout(width: number, _height: number): void {
    const column = Math.min(1100, width - 24);
    const x = (width - column) / 2;
    const compact = this.spacingHeight < 800 || width < 520;
    const bh = compact ? 44 : 48;
    let y = compact ? 10 : 24;
    this.title.setPosition(x, y).setFontSize(compact ? 22 : 28);
    y += this.title.height;
    this.note.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.note.height + 10;
    y += this.grid.layout(x, y, column, width >= 900 ? 4 : width >= 520 ? 3 : 2, bh) + 10;
    this.about.setWordWrapWidth(column, true).setPosition(x, y);
    // Room for three lines, so the buttons below stay put whichever scenario is described.
    y += Math.max(this.about.height, 3 * 20) + 8;
    // Quick choices, then Done: in one row where there is room, Done under them on a phone.
    const wide = width >= 520;
    const actions = wide ? [this.done, this.clear, this.all, this.basics] : [this.clear, this.all, this.basics];
    const w = (column - 8 * (actions.length - 1)) / actions.length;
    actions.forEach((b, i) => b.resize(w, wide ? 52 : bh).setPosition(x + i * (w + 8) + w / 2, y + (wide ? 26 : bh / 2)));
    y += (wide ? 52 : bh) + 8;
    if (!wide) {
      this.done.resize(column, 52).setPosition(x + column / 2, y + 26);
      y += 60;
    }
    this.status.setWordWrapWidth(column, true).setPosition(x, y);
    this.publishTargets({
      ...Object.fromEntries(SCENARIO_IDS.map((id, i) => [`scenario.${id}`, this.grid.buttons[i]!])),
      done: this.done, clear: this.clear, all: this.all, basics: this.basics,
    });
    this.fitHeight(y + 24);
  }

  private describe(id: ScenarioId | undefined): void {
    this.about.setText(id ? aboutScenario(id) : '');
    // A longer text than the room kept for it pushes the buttons down.
    this.relayout();
  }

  private choose(playlist: readonly ScenarioId[]): void {
    this.grid.set(playlist);
    this.status.setText('');
    this.publishChoice();
  }

  private publishChoice(): void {
    publish({ scenarios: { chosen: [...this.grid.chosen], mastered: [...this.mastered] } });
  }

  private submit(): void {
    const scenarios = this.grid.chosen;
    if (scenarios.length === 0) return void this.status.setText(t('scenarios.needOne'));
    savePreferences({ ...loadPreferences(), scenarios });
    forgetAddressPlaylist();
    go(this, SCENES.Start);
  }
}
