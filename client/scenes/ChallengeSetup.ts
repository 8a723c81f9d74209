import type Phaser from 'phaser';
import type { ChallengeSeats } from '../../shared/challenge/run.ts';
import { DIFFICULTIES, SPEEDS, type Difficulty, type Speed } from '../../shared/match/settings.ts';
import {
  CHALLENGE_KINDS, CHALLENGE_SEATS, inviteCodeIn, isNicknameLength, isRoomCode, LIMITS, typedRoomCode, type ChallengeKind,
} from '../../shared/protocol.ts';
import { loadChallengePreferences, saveChallengePreferences, savedChallengeOptions } from '../challengePreferences.ts';
import { locale, t } from '../i18n/text.ts';
import { createChallenge, joinChallenge } from '../net/lobby.ts';
import type { JoinFailure } from '../net/joinFailure.ts';
import { playerId } from '../playerId.ts';
import { loadPreferences, savePreferences } from '../preferences.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceRow } from '../ui/ChoiceRow.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { TextField } from '../ui/TextField.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { publish } from '../testHook.ts';
import type { LeaderboardData } from './Leaderboard.ts';
import { refusalText, type RefusalData } from './refusalText.ts';
import { Screen } from './Screen.ts';
import { screenFor } from './SessionScreen.ts';
import { go, SCENES } from './scenes.ts';

/** The code of a pair challenge's invite link: /challenge/CODE. */
export function challengeInviteCode(): string | null {
  return inviteCodeIn(location.pathname, 'challenge');
}

/** The timed challenge's own start: daily or free, solo or with a partner, difficulty and speed. */
export class ChallengeSetup extends Screen {
  private title!: Phaser.GameObjects.Text;
  private intro!: Phaser.GameObjects.Text;
  private nicknameLabel!: Phaser.GameObjects.Text;
  private nickname!: TextField;
  private kind!: ChoiceRow<ChallengeKind>;
  private seats!: ChoiceRow<ChallengeSeats>;
  private difficulty!: ChoiceRow<Difficulty>;
  private speed!: ChoiceRow<Speed>;
  private code!: TextField;
  private join!: Button;
  private start!: Button;
  private leaderboard!: Button;
  private back!: Button;
  private status!: Phaser.GameObjects.Text;
  private keys!: Phaser.GameObjects.Text;
  private focus!: FocusOrder;
  private busy = false;

  constructor() {
    super(SCENES.ChallengeSetup);
  }

  create(data: RefusalData = {}): void {
    const prefs = loadPreferences();
    const saved = loadChallengePreferences();
    const invited = challengeInviteCode();
    if (invited) saved.seats = 'pair';
    this.busy = false;
    const onTab = (back: boolean): void => this.focus.move(back ? -1 : 1);
    this.title = this.add.text(0, 0, `◷ ${t('challenge.title')}`, textStyle(30, { bold: true }));
    this.intro = this.add.text(0, 0, t('challenge.intro'), textStyle(15, { colour: COLOURS.dim }));
    this.nicknameLabel = this.add.text(0, 0, t('start.nickname'), textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.nickname = new TextField(this, { id: 'challenge-nickname', placeholder: t('start.nicknamePlaceholder'), maxLength: LIMITS.nicknameMax,
      value: prefs.nickname, onEnter: () => void this.submit(), onTab });
    this.kind = new ChoiceRow(this, t('challenge.kind'), CHALLENGE_KINDS, (k) => t(`challenge.${k}`), saved.kind, (k) => t(`challenge.${k}Help`), () => this.refresh());
    this.seats = new ChoiceRow(this, t('challenge.seats'), CHALLENGE_SEATS, (s) => t(`challenge.${s}`), saved.seats, (s) => t(`challenge.${s}Help`), () => this.refresh());
    this.difficulty = new ChoiceRow(this, t('start.difficulty'), DIFFICULTIES, (d) => t(`difficulty.${d}`), prefs.difficulty, (d) => t(`difficulty.${d}Help`), () => this.remember());
    this.speed = new ChoiceRow(this, t('start.speed'), SPEEDS, (s) => t(`speed.${s}`), prefs.speed, () => '', () => this.remember());
    this.code = new TextField(this, { id: 'challenge-code', placeholder: t('challenge.codePlaceholder'), maxLength: LIMITS.roomCodeLength,
      value: invited ?? '', upperCase: true, onEnter: () => void this.submit('join'), onTab });
    this.join = new Button(this, t('start.join'), () => void this.submit('join'));
    this.start = new Button(this, '', () => void this.submit('create'), { primary: true, fontSize: 20 });
    this.leaderboard = new Button(this, `♛ ${t('challenge.leaderboard')}`, () => this.openLeaderboard());
    this.back = new Button(this, `← ${t('challenge.back')}`, () => go(this, SCENES.Start));
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.hint }));
    this.keys = this.add.text(0, 0, t('challenge.setupKeys'), textStyle(13, { colour: COLOURS.dim }));
    this.focus = new FocusOrder(this);
    this.focus.setItems([this.nickname, ...this.kind.buttons, ...this.seats.buttons, ...this.difficulty.buttons, ...this.speed.buttons,
      this.code, this.join, this.start, this.leaderboard, this.back]);
    this.onKey('ESC', () => this.back.press());
    this.refresh();
    this.startLayout();
    if (!this.nickname.value) this.nickname.field.focus();
    else if (invited) this.focus.focus(this.join);
    else this.focus.focus(this.start);
    // Why the seat this browser had could not be taken back (Boot): said at once.
    publish({ refusal: data.refusal ?? '' });
    if (data.refusal) this.refuse(data.refusal);
  }

  protected layout(width: number, height: number): void {
    const column = Math.min(560, width - 24);
    const x = (width - column) / 2;
    const compact = this.spacingHeight < 860;
    const gap = compact ? 6 : 14;
    const buttonHeight = compact ? 44 : 48;
    let y = compact ? 8 : Math.max(20, (height - 900) / 2);
    this.title.setPosition(x, y).setFontSize(compact ? 24 : 32);
    y += this.title.height;
    // A phone needs the room for the status line under the buttons; the intro is in the README too.
    const intro = this.spacingHeight >= 800;
    this.intro.setVisible(intro).setWordWrapWidth(column, true).setPosition(x, y);
    y += (intro ? this.intro.height : 4) + gap;
    this.nicknameLabel.setPosition(x, y);
    this.nickname.setBox(x, y + 20, column, 46);
    y += 66 + gap;
    y += this.kind.setPosition(x, y).layout(column, buttonHeight) + gap;
    y += this.seats.setPosition(x, y).layout(column, buttonHeight) + gap;
    y += this.difficulty.setPosition(x, y).layout(column, buttonHeight) + gap;
    y += this.speed.setPosition(x, y).layout(column, buttonHeight) + gap;
    const joinWidth = Math.max(96, column * 0.3);
    this.code.setBox(x, y, column - joinWidth - 8, 46);
    this.join.resize(joinWidth, 46).setPosition(x + column - joinWidth / 2, y + 23);
    if (this.code.visible) y += 46 + gap;
    this.start.resize(column, 52).setPosition(x + column / 2, y + 26);
    y += 52 + gap;
    const half = (column - 8) / 2;
    this.leaderboard.resize(half, 46).setPosition(x + half / 2, y + 23);
    this.back.resize(half, 46).setPosition(x + column - half / 2, y + 23);
    y += 46 + 4;
    this.status.setWordWrapWidth(column, true).setPosition(x, y);
    this.keys.setVisible(width >= 520).setPosition(x, Math.max(y + this.status.height + 4, height - 22));
    const named = (prefix: string, values: readonly string[], row: { buttons: readonly Button[] }) =>
      Object.fromEntries(values.map((v, i) => [`${prefix}.${v}`, row.buttons[i]!]));
    this.publishTargets({ ...named('kind', CHALLENGE_KINDS, this.kind), ...named('seats', CHALLENGE_SEATS, this.seats),
      ...named('difficulty', DIFFICULTIES, this.difficulty), ...named('speed', SPEEDS, this.speed),
      start: this.start, join: this.join, leaderboard: this.leaderboard, back: this.back });
  }

  private refresh(): void {
    const pair = this.seats.value === 'pair';
    this.code.setVisible(pair);
    this.join.setVisible(pair);
    this.start.setLabel(pair ? t('challenge.create') : t('challenge.start'));
    this.remember();
    if (this.title) this.layout(this.viewWidth, this.viewHeight);
  }

  /** Nickname, difficulty and speed are Start's too; kind and seats are the challenge's own. */
  private remember(): void {
    savePreferences({ ...loadPreferences(), nickname: this.nickname.value, difficulty: this.difficulty.value, speed: this.speed.value });
    saveChallengePreferences({ kind: this.kind.value, seats: this.seats.value });
  }

  /** Enter anywhere submits: joins when a pair challenge's code is typed, creates one otherwise. */
  private async submit(action: 'create' | 'join' = this.seats.value === 'pair' && this.code.value ? 'join' : 'create'): Promise<void> {
    if (this.busy) return;
    this.remember();
    const nickname = this.nickname.value;
    if (!isNicknameLength(nickname)) return this.say(t('start.needNickname'));
    const code = typedRoomCode(this.code.value);
    if (action === 'join' && !isRoomCode(code)) return this.say(t('start.needCode'));
    this.busy = true;
    this.say(t('start.connecting'));
    const joined = action === 'join'
      ? await joinChallenge(code, { nickname, playerId: playerId(), locale: locale() })
      : await createChallenge(savedChallengeOptions());
    this.busy = false;
    if (!joined.ok) return this.refuse(joined.failure);
    if (challengeInviteCode()) history.replaceState(null, '', '/');
    go(this, screenFor(joined.session.view), { session: joined.session });
  }

  private openLeaderboard(): void {
    this.remember();
    const data: LeaderboardData = {
      filter: { board: this.kind.value === 'daily' ? 'daily' : 'all', difficulty: this.difficulty.value, seats: this.seats.value },
      back: { scene: SCENES.ChallengeSetup, data: undefined },
    };
    go(this, SCENES.Leaderboard, data);
  }

  private say(text: string): void {
    this.status.setText(text);
  }

  private refuse(failure: JoinFailure): void {
    publish({ refusal: failure });
    this.say(refusalText(failure));
    this.relayout();
  }
}
