import Phaser from 'phaser';
import { LOCALES, type Locale } from '../../shared/i18n/messages.ts';
import { DIFFICULTIES, SPEEDS } from '../../shared/match/settings.ts';
import {
  inviteCodeIn, isNicknameLength, isRoomCode, LIMITS, PAIR_MODES, typedRoomCode, type PairJoinOptions,
} from '../../shared/protocol.ts';
import { playlistFromAddress } from '../addressPlaylist.ts';
import { CaptureFileInput, type CaptureFileResult } from '../captureFiles.ts';
import { game, labelled, LOCALE_NAMES, locale, setLocale, t } from '../i18n/text.ts';
import type { JoinFailure } from '../net/joinFailure.ts';
import { joinByCode, openRoom, type JoinResult } from '../net/lobby.ts';
import { loadPreferences, savePreferences, type Preferences } from '../preferences.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceRow } from '../ui/ChoiceRow.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { SoundToggle } from '../ui/SoundToggle.ts';
import { TextField } from '../ui/TextField.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS, css, MIN_TOUCH } from '../ui/theme.ts';
import { publish } from '../testHook.ts';
import { refusalText, type RefusalData } from './refusalText.ts';
import { Screen } from './Screen.ts';
import { screenFor } from './SessionScreen.ts';
import { go, SCENES } from './scenes.ts';

/** The code of an invite link: /join/CODE (or ?room=CODE). */
export function invitedCode(): string | null {
  return inviteCodeIn(location.pathname, 'pair') ?? new URLSearchParams(location.search).get('room');
}

type StatusPlace = 'join' | 'play' | 'capture';

/** The Start column's spacings, roomiest first: a tall screen's, a phone's, a short phone's. */
const SPACINGS = ['roomy', 'compact', 'tight'] as const;
type Spacing = (typeof SPACINGS)[number];

/** The first screen: nickname, language, how to play, difficulty and speed. */
export class Start extends Screen {
  private prefs!: Preferences;
  private title!: Phaser.GameObjects.Text;
  private tagline!: Phaser.GameObjects.Text;
  private language!: ChoiceRow<Locale>;
  private nicknameLabel!: Phaser.GameObjects.Text;
  private nickname!: TextField;
  private mode!: ChoiceRow<Preferences['mode']>;
  private code!: TextField;
  private join!: Button;
  private difficulty!: ChoiceRow<Preferences['difficulty']>;
  private speed!: ChoiceRow<Preferences['speed']>;
  /** The playlist of a private or solo match; a quick match plays the default one. */
  private scenarios!: Button;
  private play!: Button;
  /** The way into the timed challenge, which has its own screen of choices. */
  private challenge!: Button;
  /** The way into a class: a student joins with the teacher's code, a teacher creates one. */
  private classroom!: Button;
  /** Opens a real capture (.pcap, .pcapng) as a ladder; a file dropped on the page does too. */
  private openCapture!: Button;
  private captureFiles!: CaptureFileInput;
  private status!: Phaser.GameObjects.Text;
  /** The status line sits under what was pressed: Join (a code), the main button (a nickname, a connection) or the capture button. */
  private statusAfter: StatusPlace = 'play';
  private focus!: FocusOrder;
  private soundToggle!: SoundToggle;
  private spacing: Spacing = 'roomy';
  private busy = false;

  constructor() {
    super(SCENES.Start);
  }

  create(data: RefusalData = {}): void {
    this.prefs = loadPreferences();
    const invited = invitedCode();
    if (invited) this.prefs.mode = 'private';
    this.busy = false;
    this.statusAfter = 'play';
    this.title = this.add.text(0, 0, t('app.title'), textStyle(34, { bold: true }));
    this.tagline = this.add.text(0, 0, t('app.tagline'), textStyle(15, { colour: COLOURS.dim }));
    this.language = new ChoiceRow(this, t('start.language'), LOCALES, (l) => LOCALE_NAMES[l], locale(), () => '', (l) => {
      setLocale(l);
      this.remember();
      this.scene.restart();
    });
    this.nicknameLabel = this.add.text(0, 0, t('start.nickname'), textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.nickname = new TextField(this, { id: 'nickname', placeholder: t('start.nicknamePlaceholder'), maxLength: LIMITS.nicknameMax,
      value: this.prefs.nickname, onEnter: () => void this.submit(), onTab: (back) => this.focus.move(back ? -1 : 1) });
    this.mode = new ChoiceRow(this, t('start.mode'), PAIR_MODES, (m) => t(`start.${m}`), this.prefs.mode, (m) => t(`start.${m}Help`), () => this.refresh());
    this.code = new TextField(this, { id: 'room-code', placeholder: t('start.codePlaceholder'), maxLength: LIMITS.roomCodeLength,
      value: invited ?? '', upperCase: true, onEnter: () => void this.submit('join'), onTab: (back) => this.focus.move(back ? -1 : 1) });
    this.join = new Button(this, t('start.join'), () => this.submit('join'));
    this.difficulty = new ChoiceRow(this, t('start.difficulty'), DIFFICULTIES, (d) => t(`difficulty.${d}`), this.prefs.difficulty, (d) => t(`difficulty.${d}Help`), () => this.remember());
    this.speed = new ChoiceRow(this, t('start.speed'), SPEEDS, (s) => t(`speed.${s}`), this.prefs.speed, () => '', () => this.remember());
    this.scenarios = new Button(this, this.scenariosLabel(), () => {
      this.remember();
      go(this, SCENES.ScenarioPicker);
    }, { fontSize: 16 });
    this.play = new Button(this, '', () => this.submit(), { primary: true, fontSize: 20 });
    this.challenge = new Button(this, `◷ ${t('start.challenge')}`, () => {
      this.remember();
      go(this, SCENES.ChallengeSetup);
    });
    this.classroom = new Button(this, `▦ ${t('class.open')}`, () => {
      this.remember();
      go(this, SCENES.ClassJoin);
    });
    this.captureFiles = new CaptureFileInput(this, (result) => this.showCapture(result));
    this.openCapture = new Button(this, `⤒ ${t('start.openCapture')}`, () => this.captureFiles.choose(), { fontSize: 15 });
    this.status = this.add.text(0, 0, '', textStyle(15, { colour: COLOURS.hint }));
    this.focus = new FocusOrder(this);
    this.soundToggle = new SoundToggle(this, 'play');
    this.focus.setItems([...this.language.buttons, this.nickname, ...this.mode.buttons, this.code, this.join,
      ...this.difficulty.buttons, ...this.speed.buttons, this.scenarios, this.play, this.challenge, this.classroom, this.openCapture,
      this.soundToggle]);
    this.refresh();
    this.startLayout();
    // Why the seat this browser had could not be taken back (Boot): said at once, and kept until the next try.
    publish({ refusal: data.refusal ?? '' });
    if (data.refusal) this.refuse(data.refusal);
    // Typing can start at once; the nickname is what everyone needs first.
    if (!this.nickname.value) this.nickname.field.focus();
  }

  protected layout(width: number, height: number): void {
    // Chosen at the screen's own size: the spacing its height suggests, denser while the column
    // does not fit (private mode's code and scenarios rows); the passes in which `fitHeight`
    // lays the screen out again zoomed out keep it.
    if (height > this.spacingHeight + 0.5) {
      this.fitHeight(this.layOutColumn(width, height, this.spacing));
      return;
    }
    let i = this.spacingHeight < 720 ? 2 : this.spacingHeight < 800 ? 1 : 0;
    let bottom = this.layOutColumn(width, height, SPACINGS[i]!);
    while (bottom > height + 1 && i < SPACINGS.length - 1) bottom = this.layOutColumn(width, height, SPACINGS[++i]!);
    this.spacing = SPACINGS[i]!;
    this.fitHeight(bottom);
  }

  /** Lays the column out with `spacing`; returns how far down it went. */
  private layOutColumn(width: number, height: number, spacing: Spacing): number {
    const column = Math.min(560, width - 24);
    const x = (width - column) / 2;
    const compact = spacing !== 'roomy';
    // A small phone: no tagline and fingertip-sized buttons, then whatever still overflows is zoomed to fit.
    const tight = spacing === 'tight';
    const gap = tight ? 6 : compact ? 10 : 18;
    const bh = tight ? MIN_TOUCH : 48;
    // 860: about the height of the whole column (with the capture button), so a tall screen centres it.
    let y = compact ? (tight ? 8 : 12) : Math.max(24, (height - 860) / 2);
    this.title.setPosition(x, y).setFontSize(compact ? 28 : 36);
    const toggleTop = y + this.title.height / 2 - MIN_TOUCH / 2;
    this.soundToggle.layOut(x + column, toggleTop, MIN_TOUCH, false);
    y += this.title.height + 2;
    // The sound switch is taller than a compact title: the tagline starts under it.
    if (!tight) y = Math.max(y, toggleTop + MIN_TOUCH + 2);
    this.tagline.setVisible(!tight).setWordWrapWidth(column, true).setPosition(x, y);
    if (!tight) y += this.tagline.height + gap;
    y += this.language.setPosition(x, y).layout(column, bh) + gap;
    this.nicknameLabel.setPosition(x, y);
    this.nickname.setBox(x, y + 22, column, bh);
    y += 22 + bh + gap;
    y += this.mode.setPosition(x, y).layout(column, bh) + 4;
    const joinWidth = Math.max(96, column * 0.3);
    this.code.setBox(x, y, column - joinWidth - 8, bh);
    this.join.resize(joinWidth, bh).setPosition(x + column - joinWidth / 2, y + bh / 2);
    if (this.code.visible) y += bh + gap;
    const statusWidth = column;
    this.status.setVisible(false);
    // An answer to Join shows under the code it is about; anything else under the main button.
    const placeStatus = (after: StatusPlace): void => {
      if (this.statusAfter !== after || !this.status.text) return;
      this.status.setVisible(true).setWordWrapWidth(statusWidth, true).setPosition(x, y - gap + 4);
      y += this.status.height + 4;
    };
    if (this.code.visible) placeStatus('join');
    y += this.difficulty.setPosition(x, y).layout(column, bh) + gap;
    y += this.speed.setPosition(x, y).layout(column, bh) + gap;
    this.scenarios.resize(column, bh).setPosition(x + column / 2, y + bh / 2);
    if (this.scenarios.visible) y += bh + gap;
    this.play.resize(column, 54).setPosition(x + column / 2, y + 27);
    y += 54 + gap;
    placeStatus('play');
    const half = (column - 8) / 2;
    this.challenge.resize(half, bh).setPosition(x + half / 2, y + bh / 2);
    this.classroom.resize(half, bh).setPosition(x + column - half / 2, y + bh / 2);
    y += bh + gap;
    this.openCapture.resize(column, MIN_TOUCH).setPosition(x + column / 2, y + MIN_TOUCH / 2);
    y += MIN_TOUCH + gap;
    placeStatus('capture');
    const named = (prefix: string, values: readonly string[], row: { buttons: readonly Button[] }) =>
      Object.fromEntries(values.map((v, i) => [`${prefix}.${v}`, row.buttons[i]!]));
    this.publishTargets({ ...named('mode', PAIR_MODES, this.mode), ...named('difficulty', DIFFICULTIES, this.difficulty),
      ...named('speed', SPEEDS, this.speed), ...named('language', LOCALES, this.language), play: this.play, join: this.join,
      scenarios: this.scenarios, challenge: this.challenge, classroom: this.classroom, openCapture: this.openCapture,
      sound: this.soundToggle });
    return y + 8;
  }

  private refresh(): void {
    const isPrivate = this.mode.value === 'private';
    this.code.setVisible(isPrivate);
    this.join.setVisible(isPrivate);
    this.scenarios.setVisible(this.mode.value !== 'quick');
    this.play.setLabel(isPrivate ? t('start.create') : t('start.play'));
    this.remember();
    if (this.title) this.relayout();
  }

  private remember(): void {
    this.prefs = { ...this.prefs, nickname: this.nickname.value, mode: this.mode.value, difficulty: this.difficulty.value, speed: this.speed.value };
    savePreferences(this.prefs);
  }

  /** Enter anywhere submits: joins when a private room's code is typed, opens a room otherwise. */
  private async submit(action: 'open' | 'join' = this.mode.value === 'private' && this.code.value ? 'join' : 'open'): Promise<void> {
    if (this.busy) return;
    this.remember();
    const nickname = this.nickname.value;
    const after = action === 'join' ? 'join' : 'play';
    if (!isNicknameLength(nickname)) {
      // The reason shows beside what was pressed, and the field to fix takes the keyboard.
      this.nickname.field.focus();
      return this.say(t('start.needNickname'), after, true);
    }
    const code = typedRoomCode(this.code.value);
    if (action === 'join' && !isRoomCode(code)) {
      this.code.field.focus();
      return this.say(t('start.needCode'), after, true);
    }
    const options: PairJoinOptions = { nickname, mode: this.mode.value, difficulty: this.difficulty.value, speed: this.speed.value,
      locale: locale(), ...(this.mode.value === 'quick' ? {} : { playlist: this.prefs.scenarios }), ...playlistFromAddress() };
    this.busy = true;
    this.say(t('start.connecting'), after);
    const result: JoinResult = action === 'join' ? await joinByCode(code, options) : await openRoom(options);
    this.busy = false;
    if (!result.ok) return this.refuse(result.failure, after);
    if (invitedCode()) history.replaceState(null, '', '/');
    go(this, screenFor(result.session.view), { session: result.session });
  }

  /** "Scenarios: Lost SYN +2": the first of the playlist that will be played, and how many follow it. */
  private scenariosLabel(): string {
    const [first, ...more] = playlistFromAddress().playlist ?? this.prefs.scenarios;
    const title = first ? game(`scenario.${first}.title`) : '';
    return `${labelled(t('start.scenarios'), title)}${more.length > 0 ? ` +${more.length}` : ''}  ›`;
  }

  /** A capture file opened: its ladder, or why it cannot be shown, under the button. */
  private showCapture(result: CaptureFileResult): void {
    if (!result.ok) {
      publish({ capture: { error: result.code, file: '', connection: 0, connections: 0, refused: 0, client: '', server: '' } });
      return this.say(game(`capture.error.${result.code}`), 'capture', true);
    }
    go(this, SCENES.Replay, { capture: result.file });
  }

  private say(text: string, after: StatusPlace, error = false): void {
    this.statusAfter = after;
    this.status.setText(error ? `✗ ${text}` : text).setColor(css(error ? COLOURS.wrong : COLOURS.hint));
    this.relayout();
  }

  /** A refused join, or a seat that could not be taken back: said as an error under what was pressed. */
  private refuse(failure: JoinFailure, after: 'join' | 'play' = 'play'): void {
    publish({ refusal: failure });
    this.say(refusalText(failure), after, true);
  }
}
