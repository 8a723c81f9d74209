import Phaser from 'phaser';
import type { ErrorCode } from '../../shared/protocol.ts';
import { game, t } from '../i18n/text.ts';
import type { Session } from '../net/session.ts';
import { Button } from '../ui/Button.ts';
import { FocusOrder } from '../ui/FocusOrder.ts';
import { textStyle } from '../ui/textStyle.ts';
import { COLOURS } from '../ui/theme.ts';
import { Screen } from './Screen.ts';
import { go, SCENES } from './scenes.ts';

/**
 * Laid over the screen underneath while the connection is down. The session reconnects on its
 * own; only when the seat cannot be taken back does the player get buttons.
 */
export class ConnectionLost extends Screen {
  protected override readonly overlay = true;
  private session!: Session;
  private shade!: Phaser.GameObjects.Rectangle;
  private title!: Phaser.GameObjects.Text;
  private message!: Phaser.GameObjects.Text;
  private retry!: Button;
  private home!: Button;

  constructor() {
    super(SCENES.ConnectionLost);
  }

  init(data: { session: Session }): void {
    this.session = data.session;
  }

  create(): void {
    this.shade = this.add.rectangle(0, 0, 10, 10, COLOURS.background, 0.88).setOrigin(0, 0).setInteractive();
    this.title = this.add.text(0, 0, `⚠ ${t('lost.title')}`, textStyle(28, { bold: true, align: 'center', colour: COLOURS.hint })).setOrigin(0.5);
    this.message = this.add.text(0, 0, t('lost.reconnecting'), textStyle(18, { align: 'center' })).setOrigin(0.5, 0);
    this.retry = new Button(this, t('lost.retry'), () => void this.tryAgain(), { primary: true }).setVisible(false);
    this.home = new Button(this, t('lost.home'), () => void this.session.leave().then(() => this.backToStart())).setVisible(false);
    new FocusOrder(this).setItems([this.retry, this.home]);
    const offLost = this.session.events.on('lost', (reason) => this.failed(reason));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, offLost);
    this.startLayout();
    this.scene.bringToTop();
    // DOM fields float above every canvas scene; the overlay must not leave them usable.
    const fields = this.game.domContainer;
    if (fields) fields.style.visibility = 'hidden';
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      if (fields) fields.style.visibility = '';
    });
  }

  protected layout(width: number, height: number): void {
    this.shade.setSize(width, height);
    this.title.setPosition(width / 2, height * 0.35);
    this.message.setWordWrapWidth(Math.min(560, width - 32), true).setPosition(width / 2, height * 0.35 + 36);
    const w = Math.min(260, width - 32);
    this.retry.resize(w, 52).setPosition(width / 2, height * 0.6);
    this.home.resize(w, 52).setPosition(width / 2, height * 0.6 + 64);
  }

  /** The seat could not be taken back: why, when known, and what the player can still do. */
  private failed(reason: ErrorCode | null = null): void {
    this.message.setText(reason ? `${t('lost.failed')}\n${game(`error.${reason}`)}` : t('lost.failed'));
    // Another tab has the seat, or it is no longer kept: trying again here cannot get it back.
    this.retry.setVisible(reason === null);
    this.home.setVisible(true);
  }

  private async tryAgain(): Promise<void> {
    this.message.setText(t('lost.reconnecting'));
    this.retry.setVisible(false);
    if (!(await this.session.retry())) this.failed();
  }

  private backToStart(): void {
    for (const key of [SCENES.Waiting, SCENES.Match, SCENES.RoundResult, SCENES.ChallengeMatch]) this.scene.stop(key);
    go(this, SCENES.Start);
  }
}
