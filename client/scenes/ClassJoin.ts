import type Phaser from 'phaser';
import { classJoinPath, isNicknameLength, isRoomCode, LIMITS, typedRoomCode } from '../../shared/protocol.ts';
import { classKeys } from '../classKeys.ts';
import { game, locale, t } from '../i18n/text.ts';
import { createClass, joinClass, type ClassResult } from '../net/classroom.ts';
import type { JoinFailure } from '../net/joinFailure.ts';
import { loadPreferences, savePreferences } from '../preferences.ts';
import { Button } from '../ui/Button.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { TextField } from '../ui/TextField.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

/** The class code of a join link (/class/CODE), which the projector's QR code opens. */
export function classLinkCode(): string | null {
  return /^\/class\/([A-Za-z0-9]+)\/?$/.exec(location.pathname)?.[1]?.toUpperCase() ?? null;
}

/** The class a teacher's page shows (/teach/CODE), so a reload finds it again. */
export function teachingCode(): string | null {
  return /^\/teach\/([A-Za-z0-9]+)\/?$/.exec(location.pathname)?.[1]?.toUpperCase() ?? null;
}

export interface ClassJoinData {
  code?: string;
  /** Why the student is back here (kicked, class ended…). */
  message?: string;
}

/** The classroom's way in: a student types the code and their name; a teacher creates a class. */
export class ClassJoin extends Screen {
  private entry: ClassJoinData = {};
  private title!: Phaser.GameObjects.Text;
  private intro!: Phaser.GameObjects.Text;
  private codeLabel!: Phaser.GameObjects.Text;
  private code!: TextField;
  private nicknameLabel!: Phaser.GameObjects.Text;
  private nickname!: TextField;
  private join!: Button;
  private status!: Phaser.GameObjects.Text;
  private teacherTitle!: Phaser.GameObjects.Text;
  private teacherIntro!: Phaser.GameObjects.Text;
  private createButton!: Button;
  private resumeTeaching!: Button;
  private pastClasses!: Button;
  private back!: Button;
  private keys!: Phaser.GameObjects.Text;
  private focus!: FocusOrder;
  private busy = false;

  constructor() {
    super(SCENES.ClassJoin);
  }

  init(data: ClassJoinData): void {
    this.entry = data ?? {};
  }

  create(): void {
    this.busy = false;
    const onTab = (back: boolean): void => this.focus.move(back ? -1 : 1);
    const linked = this.entry.code ?? classLinkCode() ?? '';
    this.title = this.add.text(0, 0, `▦ ${t('class.joinTitle')}`, textStyle(30, { bold: true }));
    this.intro = this.add.text(0, 0, t('class.joinIntro'), textStyle(15, { colour: COLOURS.dim }));
    this.codeLabel = this.add.text(0, 0, t('class.code'), textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.code = new TextField(this, { id: 'class-code', placeholder: t('class.codePlaceholder'), maxLength: LIMITS.roomCodeLength + 2,
      value: linked, upperCase: true, onEnter: () => void this.submit(), onTab });
    this.nicknameLabel = this.add.text(0, 0, t('start.nickname'), textStyle(14, { bold: true, colour: COLOURS.dim }));
    this.nickname = new TextField(this, { id: 'class-nickname', placeholder: t('start.nicknamePlaceholder'), maxLength: LIMITS.nicknameMax,
      value: loadPreferences().nickname, onEnter: () => void this.submit(), onTab });
    this.join = new Button(this, t('class.join'), () => void this.submit(), { primary: true, fontSize: 20 });
    this.status = this.add.text(0, 0, this.entry.message ?? '', textStyle(16, { colour: COLOURS.hint }));
    this.teacherTitle = this.add.text(0, 0, t('class.teacherTitle'), textStyle(18, { bold: true }));
    this.teacherIntro = this.add.text(0, 0, t('class.teacherIntro'), textStyle(14, { colour: COLOURS.dim }));
    this.createButton = new Button(this, t('class.create'), () => void this.createClass());
    const taught = classKeys.lastTaught();
    this.resumeTeaching = new Button(this, t('class.resume', { code: taught ?? '' }), () => {
      if (taught) location.assign(`/teach/${taught}`);
    }).setVisible(taught !== null);
    this.pastClasses = new Button(this, t('again.open'), () => go(this, SCENES.PastClasses)).setVisible(classKeys.taught().length > 0);
    this.back = new Button(this, `← ${t('class.back')}`, () => {
      if (classLinkCode()) history.replaceState(null, '', '/');
      go(this, SCENES.Start);
    });
    this.keys = this.add.text(0, 0, t('class.joinKeys'), textStyle(13, { colour: COLOURS.dim }));
    this.focus = new FocusOrder(this);
    this.focus.setItems([this.code, this.nickname, this.join, this.createButton, this.resumeTeaching, this.pastClasses, this.back]);
    this.onKey('ESC', () => this.back.press());
    this.startLayout();
    if (!linked) this.code.field.focus();
    else if (!this.nickname.value) this.nickname.field.focus();
    else this.focus.focus(this.join);
  }

  protected layout(width: number, height: number): void {
    const column = Math.min(560, width - 24);
    const x = (width - column) / 2;
    const compact = this.spacingHeight < 760;
    const gap = compact ? 10 : 16;
    let y = compact ? 12 : Math.max(24, (height - 720) / 2);
    this.title.setPosition(x, y).setFontSize(compact ? 26 : 32);
    y += this.title.height + 2;
    this.intro.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.intro.height + gap;
    this.codeLabel.setPosition(x, y);
    this.code.setBox(x, y + 22, column, 52);
    this.code.field.style.fontSize = '24px';
    this.code.field.style.letterSpacing = '4px';
    y += 74 + gap;
    this.nicknameLabel.setPosition(x, y);
    this.nickname.setBox(x, y + 22, column, 48);
    y += 70 + gap;
    this.join.resize(column, 54).setPosition(x + column / 2, y + 27);
    y += 54 + 8;
    this.status.setWordWrapWidth(column, true).setPosition(x, y);
    y += Math.max(24, this.status.height) + gap * 2;
    this.teacherTitle.setPosition(x, y);
    y += this.teacherTitle.height + 2;
    this.teacherIntro.setWordWrapWidth(column, true).setPosition(x, y);
    y += this.teacherIntro.height + 8;
    const half = (column - 8) / 2;
    this.createButton.resize(half, 48).setPosition(x + half / 2, y + 24);
    this.back.resize(half, 48).setPosition(x + column - half / 2, y + 24);
    y += 48 + 8;
    this.resumeTeaching.resize(column, 44).setPosition(x + column / 2, y + 22);
    if (this.resumeTeaching.visible) y += 44 + 8;
    this.pastClasses.resize(column, 44).setPosition(x + column / 2, y + 22);
    if (this.pastClasses.visible) y += 44 + 8;
    this.keys.setVisible(width >= 520).setPosition(x, Math.max(y, height - 22));
    this.publishTargets({ join: this.join, create: this.createButton, back: this.back, resume: this.resumeTeaching, pastClasses: this.pastClasses });
  }

  private say(text: string): void {
    this.status.setText(text);
    this.layout(this.viewWidth, this.viewHeight);
  }

  private failure(failure: JoinFailure): string {
    if (failure === 'unreachable') return t('start.unreachable');
    if (failure === 'roomNotFound') return t('class.wrongCode');
    return game(`error.${failure}`);
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    const code = typedRoomCode(this.code.value);
    const nickname = this.nickname.value;
    if (!isRoomCode(code)) return this.say(t('class.needCode'));
    if (!isNicknameLength(nickname)) return this.say(t('start.needNickname'));
    savePreferences({ ...loadPreferences(), nickname });
    this.busy = true;
    this.say(t('start.connecting'));
    const result: ClassResult = await joinClass(code, nickname);
    this.busy = false;
    if (!result.ok) return this.say(this.failure(result.failure));
    // The address names the class, so a reload (or a phone that slept) comes back as the same student.
    history.replaceState(null, '', classJoinPath(result.session.code));
    // The lobby follows the class: a round's seat already waiting opens the match from there.
    go(this, SCENES.ClassLobby, { cls: result.session });
  }

  private async createClass(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.say(t('start.connecting'));
    const result = await createClass({ locale: locale() });
    this.busy = false;
    if (!result.ok) return this.say(this.failure(result.failure));
    history.replaceState(null, '', `/teach/${result.session.code}`);
    go(this, SCENES.TeacherConsole, { session: result.session });
  }
}
