import Phaser from 'phaser';

/**
 * The server's QR code (an SVG) as an <img>: a vector drawn by the browser stays sharp at any
 * projector size, which a texture would not. White around it: scanners need the quiet zone.
 */
export class QrImage extends Phaser.GameObjects.DOMElement {
  readonly image: HTMLImageElement;

  /** `id` names the <img> for tests and styles ('class-qr', 'invite-qr'). */
  constructor(scene: Phaser.Scene, id: string, src: string, alt: string) {
    const image = document.createElement('img');
    super(scene, 0, 0, image);
    this.image = image;
    image.id = id;
    image.alt = alt;
    image.src = src;
    image.style.cssText = 'position:absolute;left:0;top:0;background:#ffffff;border-radius:8px;image-rendering:pixelated;';
    this.setOrigin(0, 0);
    scene.add.existing(this);
  }

  setBox(x: number, y: number, size: number): this {
    this.image.style.width = `${size}px`;
    this.image.style.height = `${size}px`;
    this.setPosition(x, y);
    return this;
  }
}
