import type Phaser from 'phaser';
import { resume } from '../net/lobby.ts';
import { resumeToken } from '../net/resumeToken.ts';
import { t } from '../i18n/text.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { challengeInviteCode } from './ChallengeSetup.ts';
import { openClassFromAddress } from './classAddress.ts';
import { replayFromAddress } from './replayAddress.ts';
import { Screen } from './Screen.ts';
import { screenFor } from './SessionScreen.ts';

/** First screen: waits for fonts, then takes back this tab's seat after a reload, or starts fresh. */
export class Boot extends Screen {
  private message!: Phaser.GameObjects.Text;

  constructor() {
    super('Boot');
  }

  create(): void {
    this.message = this.add.text(0, 0, resumeToken.get() ? t('resume.title') : '', textStyle(20, { colour: COLOURS.dim })).setOrigin(0.5);
    this.startLayout();
    void this.begin();
  }

  protected layout(width: number, height: number): void {
    this.message.setPosition(width / 2, height / 2);
  }

  private async begin(): Promise<void> {
    // Text is rasterised when created, so system fonts must be ready first (CJK glyphs otherwise box).
    await document.fonts.ready;
    // A class's address (a student's join link, a teacher's console) opens the class.
    if (await openClassFromAddress(this)) return;
    // A replay link (/replay/ID) shows that finished round.
    const replay = replayFromAddress();
    if (replay) return void this.scene.start('Replay', replay);
    const session = await resume();
    if (session) this.scene.start(screenFor(session.view), { session });
    // A partner's pair-challenge link (/challenge/CODE) opens the challenge screen with the code.
    else this.scene.start(challengeInviteCode() ? 'ChallengeSetup' : 'Start');
  }
}
