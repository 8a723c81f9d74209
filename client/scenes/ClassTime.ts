import Phaser from 'phaser';
import { TIME_ALLOWANCES, type TimeAllowance } from '../../shared/match/timeAllowance.ts';
import { TEACHER_MSG, type ClassroomView, type StudentView } from '../../shared/protocol.ts';
import { game, labelled, listed, t } from '../i18n/text.ts';
import type { ClassSession } from '../net/classSession.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceRow } from '../ui/ChoiceRow.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { RosterGrid } from '../ui/RosterGrid.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { publish } from '../testHook.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

/**
 * Extra time or no deadline for chosen students (issue 19). A screen of its own, reached from
 * the console, because the console is on the projector: the class never sees who has more time.
 * Pick a student, then their time; it applies from the next round.
 */
export class ClassTime extends Screen {
  private session!: ClassSession;
  private title!: Phaser.GameObjects.Text;
  private note!: Phaser.GameObjects.Text;
  private roster!: RosterGrid;
  private choice!: ChoiceRow<TimeAllowance>;
  private given!: Phaser.GameObjects.Text;
  private back!: Button;
  private status!: Phaser.GameObjects.Text;
  private focus!: FocusOrder;
  private picked: StudentView | null = null;

  constructor() {
    super(SCENES.ClassTime);
  }

  init(data: { session: ClassSession }): void {
    this.session = data.session;
    this.picked = null;
  }

  create(): void {
    this.title = this.add.text(0, 0, t('access.title'), textStyle(26, { bold: true }));
    this.note = this.add.text(0, 0, t('access.note'), textStyle(14, { colour: COLOURS.dim }));
    this.roster = new RosterGrid(this, {
      away: t('class.away'), bot: t('class.bot'), more: (above, below) => t('leaderboard.scroll', { above, below }),
    }, (s) => {
      this.picked = s;
      this.show(this.session.view);
    }, () => this.refocus());
    this.choice = new ChoiceRow(this, '', TIME_ALLOWANCES, (a) => t(`access.${a}`), 'normal', () => '', (a) => void this.give(a));
    this.given = this.add.text(0, 0, '', textStyle(16));
    this.back = new Button(this, t('access.back'), () => go(this, SCENES.TeacherConsole, { session: this.session }));
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.hint }));
    this.focus = new FocusOrder(this);
    this.onKey('ESC', () => this.back.press());
    this.onKey('PAGE_DOWN', () => this.roster.scroll(this.roster.page));
    this.onKey('PAGE_UP', () => this.roster.scroll(-this.roster.page));
    const off = this.session.events.on('view', (view) => this.show(view));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, off);
    this.startLayout();
    this.show(this.session.view);
  }

  protected layout(width: number, height: number): void {
    const column = Math.min(1100, width - 24);
    const x = (width - column) / 2;
    let y = 12;
    this.title.setWordWrapWidth(column, true).setPosition(x, y).setFontSize(width < 520 ? 20 : 26);
    y += this.title.height + 4;
    this.note.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.note.height + 10;
    const choiceHeight = 80;
    const bottom = 52 + 24 + 60;
    this.roster.setPosition(x, y).resize(column, Math.max(100, height - y - choiceHeight - bottom));
    y += Math.max(100, height - y - choiceHeight - bottom) + 6;
    this.choice.setPosition(x, y).setVisible(this.picked !== null);
    y += this.choice.layout(column, 48) + 4;
    this.given.setWordWrapWidth(column, true).setPosition(x, y);
    y += Math.max(24, this.given.height) + 6;
    this.back.resize(Math.min(260, column), 48).setPosition(x + Math.min(260, column) / 2, y + 24);
    this.status.setWordWrapWidth(column, true).setPosition(x, y + 56);
    this.publishTargets({
      back: this.back, ...Object.fromEntries(TIME_ALLOWANCES.map((a, i) => [`allowance.${a}`, this.choice.buttons[i]!])),
      ...Object.fromEntries(this.roster.items.map((b, i) => [`student.${this.roster.shownNames[i]}`, b])),
    });
    this.refocus();
  }

  private refocus(): void {
    this.focus.setItems([...this.roster.items, ...(this.picked ? this.choice.buttons : []), this.back]);
  }

  private show(view: ClassroomView): void {
    this.roster.setStudents([...view.students.values()]);
    if (this.picked && !view.students.has(this.picked.id)) this.picked = null;
    if (this.picked) this.choice.choose(view.timeAllowances.get(this.picked.id) ?? 'normal');
    this.given.setText(view.students.size === 0 ? t('access.none') : givenLine(view));
    publish({ classTime: this.given.text });
    this.layout(this.viewWidth, this.viewHeight);
  }

  private async give(allowance: TimeAllowance): Promise<void> {
    if (!this.picked) return;
    const refused = await this.session.command(TEACHER_MSG.timeAllowance, { studentId: this.picked.id, allowance });
    if (!this.scene.isActive()) return;
    this.status.setText(refused ? `⚠ ${game(`error.${refused}`)}` : '');
  }
}

/** "Extra time: Amy, Di · Untimed: Bo": who has what, in words. */
function givenLine(view: ClassroomView): string {
  const names = (a: TimeAllowance) => [...view.timeAllowances].filter(([, v]) => v === a)
    .map(([id]) => view.students.get(id)?.nickname).filter((n): n is string => n !== undefined).sort();
  return (['extra', 'untimed'] as const).map((a) => labelled(t(`access.${a}`), listed(names(a)) || '—')).join(' · ');
}
