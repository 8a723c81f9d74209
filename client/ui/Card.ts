import Phaser from 'phaser';
import type { Card as CardName } from '../../shared/match/cards.ts';
import { fitText } from './fitText.ts';
import { textStyle } from './textStyle.ts';
import { COLOURS } from './theme.ts';

/** How a card looks right now; hints are drawn with ★ and a border, never by colour alone. */
export interface CardLook {
  enabled: boolean;
  hint: boolean;
  resend: boolean;
}

/** One card of the hand: its name, its key (1–7), and a ★ hint or ↻ resend badge. */
export class Card extends Phaser.GameObjects.Container {
  private readonly face: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly keyBadge: Phaser.GameObjects.Text;
  private readonly badge: Phaser.GameObjects.Text;
  private look: CardLook = { enabled: true, hint: false, resend: false };
  private cardWidth = 90;
  private cardHeight = 64;
  private hovered = false;
  private titleSize = 20;
  readonly card: CardName;
  private readonly onPlay: (card: CardName) => void;
  private readonly labels: { hint: string; resend: string };

  constructor(scene: Phaser.Scene, card: CardName, key: number, onPlay: (card: CardName) => void, labels: { hint: string; resend: string }) {
    super(scene, 0, 0);
    this.card = card;
    this.onPlay = onPlay;
    this.labels = labels;
    this.face = scene.add.graphics();
    this.title = scene.add.text(0, 0, card, textStyle(20, { bold: true, mono: true })).setOrigin(0.5);
    this.keyBadge = scene.add.text(0, 0, String(key), textStyle(13, { bold: true, colour: COLOURS.dim })).setOrigin(0, 0);
    this.badge = scene.add.text(0, 0, '', textStyle(12, { bold: true, colour: COLOURS.hint })).setOrigin(0.5, 1);
    this.add([this.face, this.title, this.keyBadge, this.badge]);
    this.setSize(this.cardWidth, this.cardHeight).setInteractive({ useHandCursor: true });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => { this.hovered = true; this.redraw(); });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => { this.hovered = false; this.redraw(); });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => this.play());
    scene.add.existing(this);
    this.redraw();
  }

  /** The card's box in world px, for layout checks. */
  worldBox(): Phaser.Geom.Rectangle {
    const m = this.getWorldTransformMatrix();
    const w = this.cardWidth * m.scaleX;
    const h = this.cardHeight * m.scaleY;
    return new Phaser.Geom.Rectangle(m.tx - w / 2, m.ty - h / 2, w, h);
  }

  play(): void {
    if (!this.look.enabled) return;
    // A short press-in so a tap is felt even before the server answers.
    this.scene.tweens.add({ targets: this, scale: { from: 0.92, to: 1 }, duration: 140 });
    this.onPlay(this.card);
  }

  resize(width: number, height: number): this {
    this.cardWidth = width;
    this.cardHeight = height;
    this.setSize(width, height);
    this.input?.hitArea.setTo(0, 0, width, height);
    this.titleSize = Math.round(Math.min(22, width / 4.6, height / 2.6));
    this.redraw();
    return this;
  }

  setLook(look: CardLook): this {
    if (look.enabled === this.look.enabled && look.hint === this.look.hint && look.resend === this.look.resend) return this;
    this.look = look;
    this.setAlpha(look.enabled ? 1 : 0.4);
    this.redraw();
    return this;
  }

  private redraw(): void {
    const w = this.cardWidth;
    const h = this.cardHeight;
    const marked = this.look.hint || this.look.resend;
    const border = marked ? 4 : 2;
    const g = this.face.clear();
    g.fillStyle(marked ? COLOURS.hint : this.hovered ? COLOURS.text : COLOURS.panelBorder, 1);
    g.fillRoundedRect(-w / 2, -h / 2, w, h, 10);
    g.fillStyle(this.hovered && this.look.enabled ? 0x2a3a52 : 0x222e40, 1);
    g.fillRoundedRect(-w / 2 + border, -h / 2 + border, w - 2 * border, h - 2 * border, 8);
    this.keyBadge.setPosition(-w / 2 + 7, -h / 2 + 4);
    this.title.setPosition(0, 3);
    const badge = this.look.resend ? `↻ ${this.labels.resend}` : this.look.hint ? `★ ${this.labels.hint}` : '';
    // Clear of the border (4 px when marked) on both sides, so SYN+ACK does not touch it.
    fitText(this.title, this.card, w - 16, { size: this.titleSize, minSize: 9 });
    fitText(this.badge, badge, w - 8, { size: 12, minSize: 9 }).setPosition(0, h / 2 - 2);
    this.title.setY(badge ? -2 : 3);
  }
}
