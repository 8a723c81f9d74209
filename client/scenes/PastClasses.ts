import type Phaser from 'phaser';
import { game, locale, t } from '../i18n/text.ts';
import { createClass } from '../net/classroom.ts';
import { fetchPastClasses } from '../net/pastClasses.ts';
import { Button } from '../ui/Button.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { pastClassRow } from './pastClassRow.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

/** How many past classes are listed (newest first); the server lists at most PAST_CLASSES_MAX. */
const SHOWN = 8;

/**
 * The classes this browser taught (issue 19): pressing one starts a new class with its settings
 * and its students' names, which the students take by joining the new code under them.
 */
export class PastClasses extends Screen {
  private title!: Phaser.GameObjects.Text;
  private note!: Phaser.GameObjects.Text;
  private rows: Button[] = [];
  private back!: Button;
  private status!: Phaser.GameObjects.Text;
  private focus!: FocusOrder;
  private busy = false;

  constructor() {
    super(SCENES.PastClasses);
  }

  create(): void {
    this.rows = [];
    this.busy = false;
    this.title = this.add.text(0, 0, t('again.title'), textStyle(26, { bold: true }));
    this.note = this.add.text(0, 0, t('again.note'), textStyle(14, { colour: COLOURS.dim }));
    this.back = new Button(this, `← ${t('class.back')}`, () => go(this, SCENES.ClassJoin));
    this.status = this.add.text(0, 0, t('class.reportLoading'), textStyle(15, { colour: COLOURS.hint }));
    this.focus = new FocusOrder(this);
    this.focus.setItems([this.back]);
    this.onKey('ESC', () => this.back.press());
    this.startLayout();
    void this.loadClasses();
  }

  protected layout(width: number, height: number): void {
    const column = Math.min(900, width - 24);
    const x = (width - column) / 2;
    let y = 16;
    this.title.setWordWrapWidth(column, true).setPosition(x, y).setFontSize(width < 520 ? 20 : 26);
    y += this.title.height + 4;
    this.note.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.note.height + 12;
    const rowHeight = Math.max(44, Math.min(64, (height - y - 140) / Math.max(1, this.rows.length)));
    for (const row of this.rows) {
      row.resize(column, rowHeight - 6).setPosition(x + column / 2, y + rowHeight / 2);
      y += rowHeight;
    }
    this.status.setWordWrapWidth(column, true).setPosition(x, y + 6);
    y += Math.max(28, this.status.height + 12);
    this.back.resize(Math.min(260, column), 48).setPosition(x + Math.min(260, column) / 2, y + 24);
    this.publishTargets({ back: this.back, ...Object.fromEntries(this.rows.map((r, i) => [`class.${i}`, r])) });
  }

  private async loadClasses(): Promise<void> {
    const got = await fetchPastClasses();
    if (!this.scene.isActive()) return;
    if (!got.ok) {
      this.status.setText(`⚠ ${got.failure === 'unreachable' ? t('start.unreachable') : game(`error.${got.failure}`)}`);
      return this.layout(this.viewWidth, this.viewHeight);
    }
    this.rows = got.classes.slice(0, SHOWN).map((c) => new Button(this, pastClassRow(c, { t, locale: locale() }), () => void this.runAgain(c.code, c.secret), { fontSize: 16 }));
    this.status.setText(got.classes.length === 0 ? t('again.none') : '');
    this.focus.setItems([...this.rows, this.back]);
    this.layout(this.viewWidth, this.viewHeight);
  }

  private async runAgain(code: string, secret: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.status.setText(t('start.connecting'));
    const result = await createClass({ locale: locale(), again: { code, secret } });
    this.busy = false;
    if (!this.scene.isActive()) return;
    if (!result.ok) {
      this.status.setText(`⚠ ${result.failure === 'unreachable' ? t('start.unreachable') : game(`error.${result.failure}`)}`);
      return;
    }
    history.replaceState(null, '', `/teach/${result.session.code}`);
    go(this, SCENES.TeacherConsole, { session: result.session });
  }
}
