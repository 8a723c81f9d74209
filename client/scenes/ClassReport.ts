import type Phaser from 'phaser';
import { misconceptionHeadings, misconceptionText } from '../../shared/i18n/misconceptionTexts.ts';
import type { ClassReport as Report, StudentReport } from '../../shared/protocol.ts';
import type { MisconceptionCount } from '../../shared/reports/misconceptions.ts';
import { game, labelled, listed, locale, t } from '../i18n/text.ts';
import { downloadClassCsv, fetchClassReport } from '../net/classReport.ts';
import type { ClassSession } from '../net/classSession.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { accuracyText } from '../ui/ClassStandingsTable.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { LineList } from '../ui/LineList.ts';
import { RoundPicker } from '../ui/RoundPicker.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { mistakeLines, pairRoundLine } from './classTexts.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

export interface ClassReportData {
  code: string;
  secret: string;
  /** The live class, when there is one to go back to. */
  session?: ClassSession;
}

/** One student's lines: rank, name, points, accuracy and counts, then accuracy per kind of move and the usual mistake. */
function studentLines(s: StudentReport): string[] {
  const accuracy = accuracyText(s, { percent: (value) => t('class.percent', { value }), none: t('class.none') });
  const head = `${s.rank}. ${s.nickname} — ${t('class.yourPoints', { points: s.points })} · ${t('class.accuracy')} ${accuracy} · ✓ ${t('class.correct')} ${s.correct} · ✗ ${t('class.wrong')} ${s.mistakes} · ${t('class.missed')} ${s.missed}`;
  const skills = s.skills.map((k) => `${game(`skill.${k.skill}`)} ${t('class.percent', { value: k.accuracy })}`).join(' · ');
  const mistake = s.commonMistakes[0];
  const lines = [head];
  if (skills) lines.push(`   ↳ ${skills}`);
  if (mistake) lines.push(`   ↳ ✗ ${labelled(t('class.commonMistake'), game(`skill.${mistake.skill}`))} (${mistake.count}×)`);
  const times = misconceptionHeadings(locale()).times;
  for (const m of s.misconceptions) lines.push(`   ↳ ? ${misconceptionText(m.id, locale()).name} ${times.replace('{count}', String(m.count))}`);
  return lines;
}

/** The class's misconceptions, most widespread first: the name, how many students, and what to reteach. */
function misconceptionLines(list: readonly MisconceptionCount[]): string[] {
  const h = misconceptionHeadings(locale());
  if (list.length === 0) return [`? ${labelled(h.title, h.none)}`];
  return [`? ${labelled(h.title)}`, ...list.flatMap((m) => {
    const text = misconceptionText(m.id, locale());
    return [`  • ${text.name} — ${h.students} ${m.students} · ${h.moves} ${m.count}`, `    ${labelled(h.reteach, text.reteach)}`];
  })];
}

/** The class's report from the database: every student, the class's common mistakes, and the CSV download. */
export class ClassReport extends Screen {
  private entry!: ClassReportData;
  private title!: Phaser.GameObjects.Text;
  private summary!: Phaser.GameObjects.Text;
  private list!: LineList;
  private download!: Button;
  private refresh!: Button;
  private back!: Button;
  private status!: Phaser.GameObjects.Text;
  private keys!: Phaser.GameObjects.Text;
  /** Each pair's round: its capture file and its replay. */
  private pairs!: RoundPicker;

  constructor() {
    super(SCENES.ClassReport);
  }

  init(data: ClassReportData): void {
    this.entry = data;
  }

  create(): void {
    this.title = this.add.text(0, 0, t('class.reportTitle', { code: this.entry.code }), textStyle(26, { bold: true }));
    this.summary = this.add.text(0, 0, t('class.reportLoading'), textStyle(16, { colour: COLOURS.dim }));
    this.list = new LineList(this, (above, below) => t('leaderboard.scroll', { above, below }));
    this.download = new Button(this, t('class.download'), () => void this.saveCsv(), { primary: true, fontSize: 20 });
    this.refresh = new Button(this, '⟳', () => void this.fetchReport());
    this.back = new Button(this, this.entry.session ? t('class.backToConsole') : t('class.home'), () => this.leave());
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.hint }));
    this.keys = this.add.text(0, 0, t('class.reportKeys'), textStyle(13, { colour: COLOURS.dim }));
    this.pairs = new RoundPicker(this, this.entry.code, (round) => go(this, SCENES.Replay, { id: round.recordId, classCode: this.entry.code }));
    new FocusOrder(this).setItems([this.download, this.refresh, this.back, ...this.pairs.buttons]);
    this.onKey('ESC', () => this.leave());
    this.onKey('D', () => this.download.press());
    this.onKey('UP', () => this.list.scroll(-1));
    this.onKey('DOWN', () => this.list.scroll(1));
    this.onKey('PAGE_UP', () => this.list.scroll(-this.list.page));
    this.onKey('PAGE_DOWN', () => this.list.scroll(this.list.page));
    this.onKey('LEFT', () => this.pairs.previous.press());
    this.onKey('RIGHT', () => this.pairs.following.press());
    this.onKey('W', () => this.pairs.capture.press());
    this.onKey('R', () => this.pairs.replay.press());
    publish({ classReport: null });
    this.startLayout();
    void this.fetchReport();
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(10, Math.min(28, width * 0.02));
    const column = Math.min(1400, width - 2 * m);
    const x = (width - column) / 2;
    let y = m;
    this.title.setWordWrapWidth(column, true).setFontSize(width < 520 ? 20 : 28).setPosition(x, y);
    y += this.title.height + 6;
    const bw = Math.min(240, (column - 16 - 52) / 2);
    this.download.resize(bw, 48).setPosition(x + bw / 2, y + 24);
    this.refresh.resize(52, 48).setPosition(x + bw + 8 + 26, y + 24);
    this.back.resize(bw, 48).setPosition(x + bw + 68 + bw / 2, y + 24);
    y += 56;
    this.status.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.status.text ? this.status.height + 4 : 0;
    y += this.pairs.layout(x, y, column);
    this.summary.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.summary.height + 10;
    const keys = width >= 520 ? 22 : 0;
    this.keys.setVisible(keys > 0).setPosition(x, height - m - 14);
    this.list.setPosition(x, y).resize(column, Math.max(80, height - y - m - keys), width < 520 ? 14 : 17);
    this.publishTargets({
      download: this.download, back: this.back, pairPrevious: this.pairs.previous, pairNext: this.pairs.following,
      pairCapture: this.pairs.capture, pairReplay: this.pairs.replay,
    });
  }

  private async fetchReport(): Promise<void> {
    this.summary.setText(t('class.reportLoading'));
    const got = await fetchClassReport(this.entry.code, this.entry.secret);
    if (!this.scene.isActive()) return;
    if (!got.ok) {
      this.summary.setText(`⚠ ${t('class.reportFailed')} ${got.failure === 'unreachable' ? t('start.unreachable') : game(`error.${got.failure}`)}`);
      return this.layout(this.viewWidth, this.viewHeight);
    }
    this.show(got.value);
  }

  private show(report: Report): void {
    // A round the server stopped in the middle of (a crash) has no results, or only some: say so.
    const cut = report.rounds.filter((r) => r.interrupted).map((r) => r.roundNo);
    const interrupted = cut.length > 0 ? `${t('class.reportInterrupted', { rounds: listed(cut.map(String)) })}\n` : '';
    this.summary.setText(`${t('class.reportRounds', { rounds: report.rounds.length })} · ${t('class.students', { count: report.students.length })}\n`
      + interrupted + `${labelled(t('class.mistakesTitle'))}\n${mistakeLines(report.commonMistakes).join('\n')}`);
    this.list.setContent(`♛ ${t('class.leaderboard')}`, [...misconceptionLines(report.misconceptions), '', ...report.students.flatMap(studentLines)]);
    this.pairs.show(report.pairRounds.map((r, i) => ({ recordId: r.recordId, text: pairRoundLine(r, i, report.pairRounds.length) })));
    this.layout(this.viewWidth, this.viewHeight);
    publish({ classReport: { students: report.students.map((s) => s.nickname), misconceptions: report.misconceptions.map((m) => m.id), downloaded: '' } });
  }

  private async saveCsv(): Promise<void> {
    const saved = await downloadClassCsv(this.entry.code, this.entry.secret, locale());
    if (!this.scene.isActive()) return;
    const failed = saved.ok ? '' : saved.failure === 'unreachable' ? t('start.unreachable') : game(`error.${saved.failure}`);
    this.status.setText(saved.ok ? `✓ ${t('class.downloaded', { name: saved.value })}` : `⚠ ${failed}`);
    const shown = window.__tango.state.classReport;
    if (saved.ok) publish({ classReport: { students: shown?.students ?? [], misconceptions: shown?.misconceptions ?? [], downloaded: saved.value } });
    this.layout(this.viewWidth, this.viewHeight);
  }

  private leave(): void {
    if (this.entry.session) go(this, SCENES.TeacherConsole, { session: this.entry.session });
    else {
      history.replaceState(null, '', '/');
      go(this, SCENES.Start);
    }
  }
}
