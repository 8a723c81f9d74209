import Phaser from 'phaser';
import type { StudentView } from '../../shared/protocol.ts';
import { Button } from './Button.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

export interface RosterLabels {
  away: string;
  bot: string;
  more: (count: number) => string;
}

/**
 * The class's students as a grid of name buttons, filled as they join; pressing one picks it (to
 * remove that student). Who is away or played by a bot is said in words (○ away), not by colour.
 * Buttons are made only for the names that fit.
 */
export class RosterGrid extends Phaser.GameObjects.Container {
  private buttons: Button[] = [];
  private students: StudentView[] = [];
  private picked = '';
  private readonly moreText: Phaser.GameObjects.Text;
  private boxWidth = 400;
  private boxHeight = 300;
  private readonly labels: RosterLabels;
  private readonly onPick: (student: StudentView | null) => void;

  constructor(scene: Phaser.Scene, labels: RosterLabels, onPick: (student: StudentView | null) => void) {
    super(scene, 0, 0);
    this.labels = labels;
    this.onPick = onPick;
    this.moreText = scene.add.text(0, 0, '', textStyle(15, { colour: COLOURS.dim }));
    this.add(this.moreText);
    scene.add.existing(this);
  }

  /** The name buttons on screen, in reading order (for the screen's keyboard focus). */
  get items(): readonly Button[] {
    return this.buttons;
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

  private rebuild(): void {
    for (const b of this.buttons) b.destroy();
    this.buttons = [];
    const narrow = this.boxWidth < 520;
    const cellHeight = narrow ? 44 : 48;
    const columns = Math.max(1, Math.floor(this.boxWidth / (narrow ? 150 : 210)));
    const gap = 8;
    const cellWidth = (this.boxWidth - gap * (columns - 1)) / columns;
    const rows = Math.max(1, Math.floor((this.boxHeight - 24) / (cellHeight + gap)));
    const fits = rows * columns;
    const shown = this.students.length > fits ? this.students.slice(0, fits - 1) : this.students;
    shown.forEach((s, i) => {
      const button = new Button(this.scene, this.label(s), () => this.pick(s), { fontSize: narrow ? 15 : 18 });
      button.resize(cellWidth, cellHeight).setPosition((i % columns) * (cellWidth + gap) + cellWidth / 2,
        Math.floor(i / columns) * (cellHeight + gap) + cellHeight / 2);
      button.setSelected(s.id === this.picked);
      if (!s.connected) button.setAlpha(0.7);
      this.add(button);
      this.buttons.push(button);
    });
    const hidden = this.students.length - shown.length;
    const lastRow = Math.ceil(shown.length / columns);
    this.moreText.setText(hidden > 0 ? this.labels.more(hidden) : '').setPosition(0, lastRow * (cellHeight + gap));
  }

  private pick(student: StudentView): void {
    this.picked = this.picked === student.id ? '' : student.id;
    this.buttons.forEach((b, i) => b.setSelected(this.students[i]?.id === this.picked));
    this.onPick(this.picked ? student : null);
  }
}
