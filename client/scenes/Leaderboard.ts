import type Phaser from 'phaser';
import type { ChallengeSeats } from '../../shared/challenge/run.ts';
import { DIFFICULTIES, type Difficulty } from '../../shared/match/settings.ts';
import { BOARDS, CHALLENGE_SEATS, type Board, type LeaderboardReply } from '../../shared/protocol.ts';
import { t } from '../i18n/text.ts';
import { fetchLeaderboard } from '../net/leaderboard.ts';
import { playerId } from '../playerId.ts';
import { publish } from '../testHook.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceRow } from '../ui/ChoiceRow.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { LeaderboardTable } from '../ui/LeaderboardTable.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { Screen } from './Screen.ts';
import { goBack, SCENES, type Destination } from './scenes.ts';

/** Which board to show first; no difficulty means all of them. */
export interface LeaderboardFilter {
  board: Board;
  difficulty?: Difficulty;
  seats: ChallengeSeats;
  /** The daily board's day; today when left out. */
  day?: string;
}

export interface LeaderboardData {
  filter?: LeaderboardFilter | undefined;
  /** The screen Back returns to, with what it needs to show itself again. */
  back: Destination;
}

type DifficultyChoice = Difficulty | 'any';
const DIFFICULTY_CHOICES: readonly DifficultyChoice[] = ['any', ...DIFFICULTIES];

/** The timed challenge's boards: today's daily or all-time, per difficulty, solo or pair; top 100. */
export class Leaderboard extends Screen {
  private filter!: LeaderboardFilter;
  private back!: LeaderboardData['back'];
  private title!: Phaser.GameObjects.Text;
  private board!: ChoiceRow<Board>;
  private difficulty!: ChoiceRow<DifficultyChoice>;
  private seats!: ChoiceRow<ChallengeSeats>;
  private status!: Phaser.GameObjects.Text;
  private table!: LeaderboardTable;
  private backButton!: Button;
  private keys!: Phaser.GameObjects.Text;
  /** Replies to an earlier choice of filters are dropped when they come late. */
  private asked = 0;

  constructor() {
    super(SCENES.Leaderboard);
  }

  init(data: LeaderboardData): void {
    this.filter = { ...(data.filter ?? { board: 'daily', seats: 'solo' }) };
    this.back = data.back ?? { scene: SCENES.Start, data: undefined };
  }

  create(): void {
    const f = this.filter;
    this.title = this.add.text(0, 0, `♛ ${t('leaderboard.title')}`, textStyle(30, { bold: true }));
    this.board = new ChoiceRow(this, t('leaderboard.board'), BOARDS, (b) => t(`leaderboard.${b}`), f.board, () => '', (board) => {
      // A day picked from a result only means something on the daily board.
      this.filter = { board, seats: this.filter.seats, ...(this.filter.difficulty ? { difficulty: this.filter.difficulty } : {}) };
      void this.fetchBoard();
    });
    this.difficulty = new ChoiceRow(this, t('leaderboard.difficulty'), DIFFICULTY_CHOICES,
      (d) => (d === 'any' ? t('leaderboard.any') : t(`difficulty.${d}`)), f.difficulty ?? 'any', () => '', (d) => {
        const { difficulty: _, ...rest } = this.filter;
        this.filter = d === 'any' ? rest : { ...rest, difficulty: d };
        void this.fetchBoard();
      });
    this.seats = new ChoiceRow(this, t('leaderboard.seats'), CHALLENGE_SEATS, (s) => t(`challenge.${s}`), f.seats, () => '', (seats) => {
      this.filter = { ...this.filter, seats };
      void this.fetchBoard();
    });
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.dim }));
    this.table = new LeaderboardTable(this, {
      rank: t('leaderboard.rank'), nickname: t('leaderboard.nickname'), points: t('leaderboard.points'),
      accuracy: t('leaderboard.accuracy'), streak: t('leaderboard.streak'), you: t('leaderboard.you'),
      percent: (value) => t('challenge.percent', { value }),
      more: (above, below) => t('leaderboard.scroll', { above, below }),
      notOn: t('leaderboard.notOn'),
    });
    this.backButton = new Button(this, `← ${t('challenge.back')}`, () => goBack(this, this.back));
    this.keys = this.add.text(0, 0, t('leaderboard.keys'), textStyle(13, { colour: COLOURS.dim })).setOrigin(0.5, 1);
    new FocusOrder(this).setItems([...this.board.buttons, ...this.difficulty.buttons, ...this.seats.buttons, this.backButton]);
    this.onKey('ESC', () => this.backButton.press());
    this.onKey('UP', () => this.table.scroll(-1));
    this.onKey('DOWN', () => this.table.scroll(1));
    this.onKey('PAGE_UP', () => this.table.scroll(-this.table.page));
    this.onKey('PAGE_DOWN', () => this.table.scroll(this.table.page));
    this.onKey('HOME', () => this.table.scroll(-1000));
    this.onKey('END', () => this.table.scroll(1000));
    this.startLayout();
    void this.fetchBoard();
  }

  protected layout(width: number, height: number): void {
    const m = Math.max(10, Math.min(28, width * 0.025));
    const column = Math.min(1000, width - 2 * m);
    const x = (width - column) / 2;
    const compact = this.spacingHeight < 800 || width < 520;
    let y = m;
    this.title.setPosition(x, y).setFontSize(compact ? 24 : 32);
    const backWidth = Math.min(160, column * 0.34);
    this.backButton.resize(backWidth, 44).setPosition(x + column - backWidth / 2, y + this.title.height / 2);
    y += Math.max(this.title.height, 44) + 8;
    const buttonHeight = compact ? 44 : 48;
    if (width >= 900) {
      // Three filter rows side by side on a wide screen.
      const gap = 16;
      const widths = [column * 0.3, column * 0.42, column * 0.28 - 2 * gap];
      let rx = x;
      const heights = [this.board, this.difficulty, this.seats].map((row, i) => {
        const h = row.setPosition(rx, y).layout(widths[i] ?? 100, buttonHeight);
        rx += (widths[i] ?? 0) + gap;
        return h;
      });
      y += Math.max(...heights) + 8;
    } else {
      y += this.board.setPosition(x, y).layout(column, buttonHeight) + 4;
      y += this.difficulty.setPosition(x, y).layout(column, buttonHeight) + 4;
      y += this.seats.setPosition(x, y).layout(column, buttonHeight) + 4;
    }
    this.status.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.status.height + 6;
    const keysHeight = width < 520 ? 0 : 22;
    this.keys.setVisible(keysHeight > 0).setPosition(width / 2, height - 4);
    this.table.setPosition(x, y).resize(column, Math.max(140, height - y - m - keysHeight));
    const named = <T extends string>(prefix: string, values: readonly T[], row: { buttons: readonly Button[] }) =>
      Object.fromEntries(values.map((v, i) => [`${prefix}.${v}`, row.buttons[i]!]));
    this.publishTargets({ ...named('board', BOARDS, this.board), ...named('difficulty', DIFFICULTY_CHOICES, this.difficulty),
      ...named('seats', CHALLENGE_SEATS, this.seats), back: this.backButton });
  }

  private async fetchBoard(): Promise<void> {
    const asked = ++this.asked;
    this.status.setText(t('leaderboard.loading'));
    publish({ leaderboard: { loading: true, nicknames: [], you: null } });
    const result = await fetchLeaderboard({ ...this.filter, player: playerId() });
    if (asked !== this.asked || !this.scene.isActive()) return;
    if (!result.ok) {
      this.status.setText(`⚠ ${t('leaderboard.failed')}`);
      this.table.setRows([], null);
      return;
    }
    this.show(result.reply);
  }

  private show(reply: LeaderboardReply): void {
    const size = reply.day ? t('leaderboard.sizeDaily', { size: reply.size, day: reply.day }) : t('leaderboard.sizeAll', { size: reply.size });
    this.status.setText(reply.size === 0 ? t('leaderboard.empty') : size);
    this.table.setRows(reply.top, reply.you);
    publish({ leaderboard: { loading: false, nicknames: reply.top.map((row) => row.nickname), you: reply.you?.rank ?? null } });
  }
}
