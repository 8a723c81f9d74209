import Phaser from 'phaser';
import type { StudentView } from '../../shared/protocol.ts';
import { Button } from './Button.ts';
import { scrollInput } from './scrollInput.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

const GAP = 8;

export interface RosterLabels {
  away: string;
  bot: string;
  /** Names scrolled away above and below the grid. */
  more: (above: number, below: number) => string;
}

/**
 * The class's students as a grid of name buttons, filled as they join; pressing one picks it (to
 * remove that student). Who is away or played by a bot is said in words (○ away), not by colour.
 * Buttons are made only for the names that fit; a class larger than the box scrolls a row at a
 * time (wheel, drag, or `scroll` from the screen's keys), so every student can be picked.
 */
export class RosterGrid extends Phaser.GameObjects.Container {
  private buttons: Button[] = [];
  private students: StudentView[] = [];
  /** The students that have a button, in the buttons' order. */
  private shown: StudentView[] = [];
  private picked = '';
  private firstRow = 0;
  private columns = 1;
  private rows = 1;
  private readonly moreText: Phaser.GameObjects.Text;
  private boxWidth = 400;
  private boxHeight = 300;
  private readonly labels: RosterLabels;
  private readonly onPick: (student: StudentView | null) => void;
  private readonly onScroll: () => void;

  /** `onScroll`: other buttons are on screen now (the screen's focus order must follow). */
  constructor(scene: Phaser.Scene, labels: RosterLabels, onPick: (student: StudentView | null) => void, onScroll: () => void) {
    super(scene, 0, 0);
    this.labels = labels;
    this.onPick = onPick;
    this.onScroll = onScroll;
    this.moreText = scene.add.text(0, 0, '', textStyle(15, { colour: COLOURS.dim }));
    this.add(this.moreText);
    scene.add.existing(this);
    const inside = (x: number, y: number): boolean =>
      this.visible && x >= this.x && y >= this.y && x <= this.x + this.boxWidth && y <= this.y + this.boxHeight;
    scrollInput(scene, inside, (steps) => this.scroll(steps), () => this.cellHeight + GAP);
  }

  /** Rows of names on screen: a page, for the screen's Page Up / Page Down. */
  get page(): number {
    return this.rows;
  }

  /** Moves the grid by `steps` rows (negative: up), within the class. */
  scroll(steps: number): void {
    const next = Phaser.Math.Clamp(this.firstRow + steps, 0, this.lastFirstRow());
    if (next === this.firstRow) return;
    this.firstRow = next;
    this.rebuild();
    this.onScroll();
  }

  /** The name buttons on screen, in reading order (for the screen's keyboard focus). */
  get items(): readonly Button[] {
    return this.buttons;
  }

  /** The names with a button on screen, in the buttons' order. */
  get shownNames(): string[] {
    return this.shown.map((s) => s.nickname);
  }

  get pickedId(): string {
    return this.picked;
  }

  setStudents(students: readonly StudentView[]): this {
    const sorted = [...students].sort((a, b) => a.nickname.localeCompare(b.nickname));
    const same = sorted.length === this.students.length && sorted.every((s, i) => {
      const o = this.students[i]!;
      return o.id === s.id && o.connected === s.connected && o.botPlays === s.botPlays;
    });
    this.students = sorted;
    if (this.picked && !sorted.some((s) => s.id === this.picked)) {
      this.picked = '';
      this.onPick(null);
    }
    if (!same) this.rebuild();
    return this;
  }

  resize(width: number, height: number): this {
    if (width === this.boxWidth && height === this.boxHeight) return this;
    this.boxWidth = width;
    this.boxHeight = height;
    this.rebuild();
    return this;
  }

  private label(s: StudentView): string {
    const tag = !s.connected ? ` ○ ${this.labels.away}` : s.botPlays ? ` · ${this.labels.bot}` : '';
    return `${s.nickname}${tag}`;
  }

  private get narrow(): boolean {
    return this.boxWidth < 520;
  }

  private get cellHeight(): number {
    return this.narrow ? 44 : 48;
  }

  private lastFirstRow(): number {
    return Math.max(0, Math.ceil(this.students.length / this.columns) - this.rows);
  }

  private rebuild(): void {
    for (const b of this.buttons) b.destroy();
    this.buttons = [];
    const narrow = this.narrow;
    const cellHeight = this.cellHeight;
    const columns = Math.max(1, Math.floor(this.boxWidth / (narrow ? 150 : 210)));
    const cellWidth = (this.boxWidth - GAP * (columns - 1)) / columns;
    this.columns = columns;
    // The last line of the box says what is scrolled away.
    this.rows = Math.max(1, Math.floor((this.boxHeight - 24) / (cellHeight + GAP)));
    this.firstRow = Math.min(this.firstRow, this.lastFirstRow());
    const first = this.firstRow * columns;
    const shown = this.students.slice(first, first + this.rows * columns);
    this.shown = shown;
    shown.forEach((s, i) => {
      const button = new Button(this.scene, this.label(s), () => this.pick(s), { fontSize: narrow ? 15 : 18 });
      button.resize(cellWidth, cellHeight).setPosition((i % columns) * (cellWidth + GAP) + cellWidth / 2,
        Math.floor(i / columns) * (cellHeight + GAP) + cellHeight / 2);
      button.setSelected(s.id === this.picked);
      if (!s.connected) button.setAlpha(0.7);
      this.add(button);
      this.buttons.push(button);
    });
    const below = this.students.length - first - shown.length;
    const lastRow = Math.ceil(shown.length / columns);
    this.moreText.setText(first > 0 || below > 0 ? this.labels.more(first, below) : '').setPosition(0, lastRow * (cellHeight + GAP));
  }

  private pick(student: StudentView): void {
    this.picked = this.picked === student.id ? '' : student.id;
    this.buttons.forEach((b, i) => b.setSelected(this.shown[i]?.id === this.picked));
    this.onPick(this.picked ? student : null);
  }
}
