import Phaser from 'phaser';
import type { Role } from '../../shared/match/cards.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS, ROLE_COLOUR } from './theme.ts';

const SHOWN_MS = 1800;

/**
 * A short notice over the game when a round starts: which end the player is now. In a challenge
 * roles swap every round without a break, so this is easy to miss otherwise. Drawn in the role's
 * colour and with its shape (● / ■) in the text.
 */
export class RoleBanner extends Phaser.GameObjects.Container {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly message: Phaser.GameObjects.Text;
  private maxWidth = 320;

  constructor(scene: Phaser.Scene) {
    super(scene, 0, 0);
    this.frame = scene.add.graphics();
    this.message = scene.add.text(0, 0, '', textStyle(22, { bold: true, align: 'center' })).setOrigin(0.5);
    this.add([this.frame, this.message]);
    this.setAlpha(0).setDepth(10);
    scene.add.existing(this);
  }

  setMaxWidth(width: number): this {
    this.maxWidth = width;
    this.message.setWordWrapWidth(width - 32, true);
    return this;
  }

  show(role: Role, text: string): void {
    this.message.setText(text).setFontSize(this.maxWidth < 420 ? 18 : 24);
    const w = Math.min(this.maxWidth, this.message.width + 40);
    const h = this.message.height + 24;
    const g = this.frame.clear();
    g.fillStyle(ROLE_COLOUR[role], 1).fillRoundedRect(-w / 2, -h / 2, w, h, 12);
    g.fillStyle(COLOURS.panel, 1).fillRoundedRect(-w / 2 + 4, -h / 2 + 4, w - 8, h - 8, 9);
    this.scene.tweens.killTweensOf(this);
    this.scene.tweens.chain({
      targets: this,
      tweens: [
        { alpha: 1, scale: { from: 0.9, to: 1 }, duration: 180 },
        { alpha: 0, delay: SHOWN_MS, duration: 400 },
      ],
    });
  }
}
