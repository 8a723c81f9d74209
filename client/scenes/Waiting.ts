import Phaser from 'phaser';
import { invitePath, roomQrPath, type PairRoomView } from '../../shared/protocol.ts';
import { listed, t } from '../i18n/text.ts';
import { isChallengeView } from '../net/challengeView.ts';
import { serverUrl } from '../net/lobby.ts';
import { Button } from '../ui/Button.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { QrImage } from '../ui/QrImage.ts';
import { TextField } from '../ui/TextField.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { SessionScreen } from './SessionScreen.ts';
import { go, SCENES } from './scenes.ts';

/**
 * A room before the partner comes. A private room shows its code, large, a link to send, its QR
 * code, and who is in; a quick match has nothing to hand out and says it is looking for a partner.
 */
export class Waiting extends SessionScreen {
  private heading!: Phaser.GameObjects.Text;
  private codeLabel!: Phaser.GameObjects.Text;
  private code!: Phaser.GameObjects.Text;
  private inviteLabel!: Phaser.GameObjects.Text;
  private link!: TextField;
  private copy!: Button;
  /** For a partner beside the player: scanning is quicker than typing a link on a phone. */
  private qr: QrImage | undefined;
  private players!: Phaser.GameObjects.Text;
  private leave!: Button;
  /** A quick match: no code, link or QR, only that a partner (or a bot) is on the way. */
  private searching = false;
  private searchingHelp!: Phaser.GameObjects.Text;

  constructor() {
    super(SCENES.Waiting);
  }

  create(): void {
    this.qr = undefined;
    this.searching = this.session.view.mode === 'quick';
    this.searchingHelp = this.add.text(0, 0, t('waiting.searchingHelp'), textStyle(16, { colour: COLOURS.dim })).setVisible(this.searching);
    this.heading = this.add.text(0, 0, t('waiting.title'), textStyle(26, { bold: true }));
    this.codeLabel = this.add.text(0, 0, t('waiting.code'), textStyle(15, { colour: COLOURS.dim }));
    this.code = this.add.text(0, 0, '', textStyle(72, { bold: true, mono: true, colour: COLOURS.hint })).setLetterSpacing(8);
    this.inviteLabel = this.add.text(0, 0, t('waiting.invite'), textStyle(15, { colour: COLOURS.dim }));
    this.link = new TextField(this, { id: 'invite-link', placeholder: '', maxLength: 200 });
    this.link.field.readOnly = true;
    this.copy = new Button(this, t('waiting.copy'), () => void this.copyLink(), { primary: true });
    this.players = this.add.text(0, 0, '', textStyle(18, { wrap: 500 }));
    this.leave = new Button(this, t('waiting.leave'), () => void this.session.leave().then(() => go(this, SCENES.Start)));
    const focus = new FocusOrder(this);
    focus.setItems([this.copy, this.leave]);
    this.startLayout();
    this.follow();
  }

  protected layout(width: number, _height: number): void {
    const column = Math.min(620, width - 32);
    const x = (width - column) / 2;
    let y = Math.max(16, this.spacingHeight * 0.08);
    this.heading.setText(t(this.searching ? 'waiting.searching' : 'waiting.title')).setWordWrapWidth(column, true).setPosition(x, y);
    y += this.heading.height + 20;
    for (const invite of [this.codeLabel, this.code, this.inviteLabel, this.link, this.copy]) invite.setVisible(!this.searching);
    if (this.searching) {
      this.searchingHelp.setWordWrapWidth(column, true).setPosition(x, y);
      y += this.searchingHelp.height + 20;
      return this.layoutPlayers(x, y, column, false);
    }
    this.codeLabel.setPosition(x, y);
    this.code.setFontSize(Math.min(96, column / 4.2)).setPosition(x, y + 20);
    y += 24 + this.code.height + 16;
    this.inviteLabel.setPosition(x, y);
    const copyWidth = Math.min(180, column * 0.38);
    this.link.setBox(x, y + 24, column - copyWidth - 8, 48);
    this.copy.resize(copyWidth, 48).setPosition(x + column - copyWidth / 2, y + 48);
    y += 24 + 48 + 16;
    this.layoutPlayers(x, y, column, true);
  }

  /** Who is in, and Leave; with a private room's QR code beside the list where there is room, above it on a phone. */
  private layoutPlayers(x: number, top: number, column: number, withQr: boolean): void {
    let y = top;
    const qr = withQr ? this.qr : undefined;
    const qrSize = Math.min(180, column * 0.45);
    const beside = column >= 480;
    qr?.setBox(beside ? x + column - qrSize : x, y, qrSize);
    if (qr && !beside) y += qrSize + 12;
    this.players.setWordWrapWidth(beside && qr ? column - qrSize - 16 : column, true).setPosition(x, y);
    y += Math.max(this.players.height, beside && qr ? qrSize : 0) + 20;
    this.leave.resize(Math.min(200, column), 48).setPosition(x + Math.min(200, column) / 2, y + 24);
    this.fitHeight(y + 56);
  }

  protected showView(view: PairRoomView): void {
    this.code.setText(view.code);
    // A pair challenge has its own link: the partner joins it with a player id, not a pair room's options.
    this.link.field.value = `${location.origin}${invitePath(isChallengeView(view) ? 'challenge' : 'pair', view.code)}`;
    if (!this.qr && view.code && !this.searching) this.qr = new QrImage(this, 'invite-qr', `${serverUrl()}${roomQrPath(view.code)}`, this.link.field.value);
    const names = [...view.players.values()].map((p) => {
      const tags = [p.sessionId === this.session.sessionId ? t('match.you') : '', p.isBot ? t('waiting.bot') : ''].filter(Boolean);
      return `• ${p.nickname}${tags.length ? ` (${listed(tags)})` : ''}`;
    });
    const alone = view.players.size < 2 ? `\n${t('waiting.empty')}` : '';
    this.players.setText(`${t('waiting.players')}\n${names.join('\n')}${alone}`);
    this.relayout();
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.link.field.value);
    } catch {
      // Clipboard access needs a secure context; selecting the link lets the player copy it by hand.
      this.link.field.select();
    }
    this.copy.setLabel(t('waiting.copied'));
    this.time.delayedCall(2000, () => this.copy.setLabel(t('waiting.copy')));
  }
}
