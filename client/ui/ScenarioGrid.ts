import type Phaser from 'phaser';
import { SCENARIO_IDS, type ScenarioId } from '../../shared/scenarios/scenario.ts';
import { game, t } from '../i18n/text.ts';
import { Button } from './Button.ts';

/**
 * The catalogue as a grid of buttons, one per scenario, to choose a playlist: a tap adds a
 * scenario at the end or takes it out, and a chosen one shows its place ("2 · Lost SYN").
 * Scenarios in `mastered` carry a ✓.
 */
export class ScenarioGrid {
  readonly buttons: readonly Button[];
  private order: ScenarioId[];
  private readonly mastered: ReadonlySet<ScenarioId>;

  constructor(scene: Phaser.Scene, chosen: readonly ScenarioId[], onToggle: (id: ScenarioId) => void = () => undefined,
    mastered: ReadonlySet<ScenarioId> = new Set()) {
    this.order = [...chosen];
    this.mastered = mastered;
    this.buttons = SCENARIO_IDS.map((id) => new Button(scene, '', () => {
      this.toggle(id);
      onToggle(id);
    }, { fontSize: 14 }));
    this.relabel();
  }

  /** The chosen scenarios, in the order they will be played. */
  get chosen(): readonly ScenarioId[] {
    return this.order;
  }

  set(chosen: readonly ScenarioId[]): void {
    this.order = [...chosen];
    this.relabel();
  }

  /** Lays the grid out from (x, y), `width` wide with `perRow` buttons a row; returns its height. */
  layout(x: number, y: number, width: number, perRow: number, buttonHeight: number): number {
    const gap = 6;
    const w = (width - gap * (perRow - 1)) / perRow;
    this.buttons.forEach((b, i) => b.resize(w, buttonHeight)
      .setPosition(x + (i % perRow) * (w + gap) + w / 2, y + Math.floor(i / perRow) * (buttonHeight + gap) + buttonHeight / 2));
    return Math.ceil(this.buttons.length / perRow) * (buttonHeight + gap) - gap;
  }

  private toggle(id: ScenarioId): void {
    this.set(this.order.includes(id) ? this.order.filter((c) => c !== id) : [...this.order, id]);
  }

  private relabel(): void {
    SCENARIO_IDS.forEach((id, i) => {
      const at = this.order.indexOf(id);
      const title = `${game(`scenario.${id}.title`)}${this.mastered.has(id) ? ' ✓' : ''}`;
      this.buttons[i]?.setSelected(at >= 0).setLabel(at >= 0 ? `${at + 1} · ${title}` : title);
    });
  }
}

/** What a scenario is about, for the line under a grid: "Lost SYN: the first SYN is lost…". */
export function aboutScenario(id: ScenarioId): string {
  return t('scenarios.about', { title: game(`scenario.${id}.title`), goal: game(`scenario.${id}.goal`) });
}
