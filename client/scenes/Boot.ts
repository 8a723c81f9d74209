import type Phaser from 'phaser';
import { canResume, keptSeatCode, resumeSeat } from '../net/lobby.ts';
import { t } from '../i18n/text.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { challengeInviteCode } from './ChallengeSetup.ts';
import { openClassFromAddress, returnToClass } from './classAddress.ts';
import type { RefusalData } from './refusalText.ts';
import { replayFromAddress } from './replayAddress.ts';
import { Screen } from './Screen.ts';
import { screenFor } from './SessionScreen.ts';
import { invitedCode } from './Start.ts';
import { go, SCENES } from './scenes.ts';

/**
 * First screen: waits for fonts, then takes back this browser's seat (after a reload, a closed
 * tab or a closed browser), or starts fresh. An invite link names the room; the site's own
 * address goes straight back to the seat most recently open, as a reload does: a player who
 * lost the page by mistake has seconds to spare, and a button would cost them some.
 */
export class Boot extends Screen {
  private message!: Phaser.GameObjects.Text;

  constructor() {
    super(SCENES.Boot);
  }

  create(): void {
    const code = this.roomToResume();
    this.message = this.add.text(0, 0, code && canResume(code) ? t('resume.title') : '', textStyle(20, { colour: COLOURS.dim })).setOrigin(0.5);
    this.startLayout();
    void this.begin();
  }

  protected layout(width: number, height: number): void {
    this.message.setPosition(width / 2, height / 2);
  }

  /** The room whose seat to take back: the invite link's, or else the one most recently open here. */
  private roomToResume(): string | null {
    return invitedCode() ?? challengeInviteCode() ?? keptSeatCode();
  }

  private async begin(): Promise<void> {
    // Text is rasterised when created, so system fonts must be ready first (CJK glyphs otherwise box).
    await document.fonts.ready;
    // A class's address (a student's join link, a teacher's console) opens the class.
    if (await openClassFromAddress(this)) return;
    // A replay link (/replay/ID) shows that finished round.
    const replay = replayFromAddress();
    if (replay) return void go(this, SCENES.Replay, replay);
    const code = this.roomToResume();
    // No seat to take back: the class this browser's student was in, if any (the bare address only).
    if (!(code && canResume(code)) && await returnToClass(this)) return;
    const resumed = code ? await resumeSeat(code) : null;
    if (resumed?.ok) {
      // Back in the room from a link, the address is the site's again, as after a join by link.
      if (invitedCode() ?? challengeInviteCode()) history.replaceState(null, '', '/');
      go(this, screenFor(resumed.session.view), { session: resumed.session });
      return;
    }
    const data: RefusalData = resumed ? { refusal: resumed.failure } : {};
    // A partner's pair-challenge link (/challenge/CODE) opens the challenge screen with the code.
    go(this, challengeInviteCode() ? SCENES.ChallengeSetup : SCENES.Start, data);
  }
}
