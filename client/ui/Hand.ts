import Phaser from 'phaser';
import { CARDS, type Card as CardName } from '../../shared/match/cards.ts';
import { Card, type CardLook } from './Card.ts';
import { MIN_TOUCH } from './theme.ts';

/** The seven cards in key order; one row when there is room, two on a phone. */
export class Hand extends Phaser.GameObjects.Container {
  readonly cards: readonly Card[];

  constructor(scene: Phaser.Scene, onPlay: (card: CardName) => void, labels: { hint: string; resend: string }) {
    super(scene, 0, 0);
    this.cards = CARDS.map((name, i) => new Card(scene, name, i + 1, onPlay, labels));
    this.add([...this.cards]);
    scene.add.existing(this);
  }

  /** Places the cards in a box `width` wide starting at (0, 0); returns the height used. */
  layout(width: number, maxHeight: number): number {
    const gap = 8;
    const oneRow = (width - gap * 6) / 7 >= 84;
    const perRow = oneRow ? 7 : 4;
    const rows = oneRow ? 1 : 2;
    const cardWidth = Math.min(150, (width - gap * (perRow - 1)) / perRow);
    const cardHeight = Math.max(MIN_TOUCH + 12, Math.min(96, (maxHeight - gap * (rows - 1)) / rows, cardWidth * 0.75));
    this.cards.forEach((card, i) => {
      const row = Math.floor(i / perRow);
      const inRow = row === 0 ? Math.min(perRow, 7) : 7 - perRow;
      const col = i - row * perRow;
      const rowWidth = inRow * cardWidth + (inRow - 1) * gap;
      const x0 = (width - rowWidth) / 2;
      card.resize(cardWidth, cardHeight).setPosition(x0 + col * (cardWidth + gap) + cardWidth / 2, row * (cardHeight + gap) + cardHeight / 2);
    });
    return rows * cardHeight + (rows - 1) * gap;
  }

  setLooks(look: (card: CardName) => CardLook): void {
    for (const card of this.cards) card.setLook(look(card.card));
  }

  /** Plays the card with this key number (1–7). */
  playKey(n: number): void {
    this.cards[n - 1]?.play();
  }
}
